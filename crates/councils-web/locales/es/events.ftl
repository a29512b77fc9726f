# Protestas, asambleas y talleres: convocatorias, roles, asistencia, novedades en vivo.

events-title = Eventos
events-none = No hay eventos próximos.
event-new = Convocar un evento
event-call = Convocar
event-cancelled = Cancelado
event-shared-from = De { $council }
event-shared-with = Compartido con { $councils }

event-kind-protest = Protesta
event-kind-assembly = Asamblea
event-kind-training = Taller

event-role-marshal = Personas de seguridad
event-role-medic = Médicos
event-role-legal-observer = Observadores legales
event-role-interpreter = Intérpretes

event-field-kind = Tipo de evento
event-field-title = Título
event-field-starts = Empieza
event-field-ends = Termina
event-field-offset = Zona horaria, como diferencia con UTC
event-field-offset-hint = Los Ángeles es -08:00 en invierno y -07:00 en verano.
event-field-place = Dónde
event-field-languages = Idiomas que se hablan
event-field-languages-hint = Por ejemplo: inglés, español, lengua de señas.
event-field-accessibility = Accesibilidad
event-field-accessibility-hint = Ruta sin escalones, asientos, espacio tranquilo, baños, cuánto dura la marcha.
event-field-details = Lo que hay que saber
event-field-needs = Roles que se necesitan
event-field-needs-hint = Cuántas personas necesitan en cada rol. Dejen vacío el rol que no necesiten.
event-field-share = Compartir con
event-field-share-hint = Las personas de los consejos que marquen pueden ver este evento y decir que vienen.

event-when = Cuándo
event-where = Dónde
event-languages = Idiomas
event-accessibility = Accesibilidad
event-ics = Agregar a mi calendario (.ics)
event-updates = Novedades
event-updates-none = Aún no hay novedades. Aparecen aquí en cuanto se publican.
event-update-field = Publicar una novedad
event-update-hint = Se avisa al momento a todas las personas que vienen o tienen un rol.
event-update-post = Publicar la novedad
event-coming = Quién viene
event-coming-count = { $count ->
    [one] Viene una persona.
   *[other] Vienen { $count } personas.
}
event-you-come = Dijiste que vienes.
event-rsvp-yes = Voy a ir
event-rsvp-no = Ya no puedo ir
event-roles = Roles
event-role = Rol
event-needed = Se necesitan
event-signed = Inscritas
event-gap = Faltan
event-gap-count = { $count ->
    [one] falta 1
   *[other] faltan { $count }
}
event-full = Completo
event-role-take = Inscribirme: { $role }
event-role-leave = Dejar: { $role }
event-cancel-lead = Al cancelar el evento se avisa a todas las personas que vienen.
event-cancel = Cancelar el evento
event-kept-until = Este evento, y quién vino, se borra el { $date }.

delivery-title-event-updated = Hay novedades de un evento al que vas

error-event-title-empty = Pongan un título al evento.
error-event-place-empty = Digan dónde es.
error-event-too-long = Uno de los textos es demasiado largo.
error-event-bad-times = Pongan el inicio y el fin como fecha y hora, y la diferencia como -08:00.
error-event-bad-length = El evento debe terminar después de empezar y durar como mucho tres días.
error-event-too-many-needed = Pidan como mucho 500 personas por rol.
error-event-update-empty = Escriban la novedad.
error-event-role-full = Ese rol está completo. Gracias: prueben otro.
error-event-role-not-needed = Este evento no pide ese rol.
error-event-cancelled = Este evento fue cancelado.
