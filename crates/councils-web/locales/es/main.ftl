app-name = councils
skip-to-content = Ir al contenido
nav-label = Principal
nav-my-councils = Mis consejos
nav-account = Cuenta
nav-sign-in = Entrar
nav-sign-out = Salir
footer-privacy = Esta instancia no guarda direcciones IP, ni nombres legales, ni situación migratoria. Usa un apodo, no tu nombre.
save = Guardar
back-to-council = Volver al consejo

landing-title = Consejos obreros, desde la base
landing-lead = Comités de trabajo y de barrio que defienden a sus miembros, deciden juntos y se federan en consejos de ciudad, de región y mundiales.
landing-invitation-only = Se entra por invitación de un comité que conoces.
landing-defend-title = Defendernos unos a otros
landing-defend = Contra redadas, robo de salarios y abusos: los comités organizan respuesta rápida, documentación y solidaridad.
landing-democracy-title = Democracia de consejos
landing-democracy = Los delegados se eligen desde abajo, con mandato imperativo y revocables en cualquier momento.
landing-federation-title = Una federación
landing-federation = Cada comité envía delegados a los consejos de arriba, hasta un consejo mundial. Los escaños siguen a la membresía.
landing-privacy-title = Nada que valga la pena incautar
landing-privacy = Apodos, datos de contacto cifrados, sin rastreo y nada de otros sitios.

sign-in-title = Entrar
sign-in-submit = Entrar
sign-in-no-account = ¿No tienes cuenta? Pide un enlace de invitación a un comité que conozcas.

join-title = Unirse
join-invited-to = Te invitan a unirte a { $council } como
join-founding = Esta invitación funda el primer consejo de esta instancia. Serás su primera organizadora u organizador.
join-privacy = Elige un apodo que no sea tu nombre. No se pide nada más sobre ti.
join-council-legend = El consejo
join-submit = Unirme
join-as-member = Ya entraste. ¿Unirte a este consejo con tu cuenta?
join-existing-submit = Unirme a este consejo

field-handle = Apodo
field-handle-hint = De 3 a 32 letras, números, "-", "_" o ".". No tu nombre legal.
field-passphrase = Frase de acceso
field-passphrase-hint = Al menos 8 caracteres. Lo mejor son unas palabras que recuerdes.
field-current-passphrase = Frase de acceso actual
field-new-passphrase = Nueva frase de acceso
field-language = Idioma
field-email = Correo para avisos (opcional)
field-email-hint = Se guarda cifrado. Déjalo vacío si prefieres no darlo.
field-council-name = Nombre
field-slug = Nombre corto para enlaces
field-slug-hint = Minúsculas, números y guiones, p. ej. costureras-la
field-kind = Tipo de consejo
field-description = Descripción
field-vouches-required = Avales necesarios
field-vouches-required-hint = Cuántos miembros deben avalar a una persona nueva antes de que sea miembro pleno (0: ninguno).
field-members-per-delegate = Miembros por delegado
field-minimum-seats = Escaños mínimos por consejo miembro

my-councils-title = Mis consejos
my-councils-none = Todavía no estás en ningún consejo.
status-pending = pendiente

council-new-title = Fundar un consejo
council-new-lead = Serás quien lo organice primero y podrás invitar a otras personas.
council-new-submit = Fundar el consejo
council-represented = { $count ->
    [one] representa a 1 miembro
   *[other] representa a { $count } miembros
}
council-you-are-pending = Eres miembro pendiente: cuando suficientes miembros te avalen, verás a los miembros y las actas.
council-sections = Secciones del consejo
council-parents = Envía delegados a
council-no-parents = Todavía ningún consejo superior.
council-constituents = Consejos miembros
council-no-constituents = Ningún consejo miembro.
council-constituent = Consejo
council-members-represented = Miembros
council-seats = Escaños
council-seat-rule = Un escaño por { $per ->
    [one] miembro
   *[other] cada { $per } miembros
}, al menos { $minimum }.
council-members-count = { $count ->
    [one] 1 miembro
   *[other] { $count } miembros
}
council-vouches = { $count } de { $required } { $required ->
    [one] aval
   *[other] avales
}

member-vouch = Avalar
member-approve = Aprobar ya
member-manage = Gestionar a { $handle }
member-give-role = Dar un rol
member-give-role-submit = Dar rol
member-take-role = Quitar: { $role }
member-remove = Quitar del consejo

link-requested = esperando aceptación
link-accept = Aceptar
link-decline = Rechazar
link-withdraw = Retirar
link-end = Terminar el vínculo
link-request-label = Enviar delegados a un consejo superior
link-request-hint = Su nombre corto, p. ej. consejo-ciudad-los-angeles
link-request-submit = Pedir unirse

invite-title = Invitar a alguien
invite-role = Rol
invite-submit = Crear enlace de invitación
invite-created = Una nueva invitación a { $council } como
invite-expires = Válida hasta { $when }.
invite-once = Sirve una sola vez. Envíala en privado a la persona que invitas; esta página no la volverá a mostrar.

settings-title = Ajustes
settings-submit = Guardar ajustes

federation-title = Federación
federation-lead = Dónde está este consejo: los consejos a los que envía delegados, hasta el consejo mundial, y los que le envían delegados.
federation-up = Arriba
federation-down = Abajo

minutes-title = Actas
minutes-verified = { $count ->
    [one] La cadena de 1 entrada está intacta.
   *[other] La cadena de { $count } entradas está intacta.
}
minutes-broken = La cadena de las actas está rota:
minutes-unreadable = (entrada ilegible)
minutes-former-member = una persona que fue miembro
minutes-operator = quien administra la instancia
minutes-by-vouches = avales
minutes-council-founded = Fundado por { $by } como { $kind }.
minutes-member-joined = { $member } se unió como { $role }{ $pending ->
    [yes] , pendiente de avales
   *[no] {""}
}.
minutes-vouched = { $by } avaló a { $member }.
minutes-member-activated = { $member } pasó a ser miembro pleno (por { $by }).
minutes-role-granted = { $by } dio a { $member } el rol { $role }.
minutes-role-revoked = { $by } quitó el rol { $role } a { $member }.
minutes-member-removed = { $by } quitó a { $member } del consejo.
minutes-member-left = { $member } se fue y borró su cuenta.
minutes-settings-changed = { $by } cambió los ajustes. Avales que necesita una persona nueva: { $vouches }. Miembros por escaño: { $per }. Escaños mínimos: { $minimum }.
minutes-names-changed = { $by } cambió los nombres del consejo.
minutes-link-requested = { $by } pidió que { $constituent } envíe delegados a { $parent }.
minutes-link-accepted = { $by } aceptó a { $constituent } como consejo miembro de { $parent }.
minutes-link-ended = { $by } terminó el vínculo de { $constituent } con { $parent }.

account-title = Cuenta
account-change-passphrase = Cambiar la frase de acceso
account-passphrase-changed = Frase de acceso cambiada. Tus otras sesiones se cerraron.
account-sessions = Tus sesiones
account-delete-title = Borrar tu cuenta
account-delete-explain = Se borran tu apodo, tu frase de acceso, tu correo y tus sesiones. Lo que decidiste como parte de un consejo queda en sus actas como "una persona que fue miembro".
account-delete-submit = Borrar mi cuenta
session-browser = Navegador
session-api = Cliente de la API
session-current = esta
session-opened = abierta el { $when }
session-last-seen = último uso { $when }
session-end = Cerrar

role-member = miembro
role-organiser = organizador/a
role-verifier = verificador/a
role-responder = respuesta rápida
role-legal = legal
role-treasurer = tesorería

kind-workplace-committee = comité de trabajo
kind-neighbourhood-committee = comité de barrio
kind-strike-committee = comité de huelga
kind-working-group = grupo de trabajo
kind-city-council = consejo de ciudad
kind-regional-council = consejo regional
kind-world-council = consejo mundial

error-title = Algo salió mal
error-code = Código de error
error-request-id = Identificador de la petición
error-home = Volver al inicio
error-not-signed-in = Primero tienes que entrar.
error-forbidden = No puedes hacer eso aquí.
error-not-found = Aquí no hay nada.
error-invitation-invalid = Este enlace de invitación no es válido.
error-invitation-used = Esta invitación ya se usó. Pide una nueva.
error-invitation-expired = Esta invitación caducó. Pide una nueva.
error-handle-taken = Ese apodo ya existe. Elige otro.
error-slug-taken = Ese nombre corto ya existe. Elige otro.
error-handle-too-short = El apodo es muy corto: al menos 3 caracteres.
error-handle-too-long = El apodo es muy largo: como mucho 32 caracteres.
error-handle-bad-character = Un apodo solo puede tener letras, números, "-", "_" y ".".
error-passphrase-too-short = La frase de acceso es muy corta: al menos 8 caracteres.
error-passphrase-too-long = La frase de acceso es muy larga: como mucho 128 caracteres.
error-passphrase-too-common = Esa frase de acceso es de las más comunes. Elige otra; lo mejor son unas palabras.
error-slug-invalid = El nombre corto solo puede tener minúsculas, números y guiones.
error-federation-self-link = Un consejo no puede enviarse delegados a sí mismo.
error-federation-cycle = Ese vínculo haría un círculo en la federación: el otro consejo ya está por debajo de este.
error-federation-already-linked = Estos consejos ya están vinculados.
error-sign-in-failed = Apodo o frase de acceso incorrectos.
error-sign-in-throttled = { $count ->
    [one] Demasiados intentos. Prueba de nuevo en 1 minuto.
   *[other] Demasiados intentos. Prueba de nuevo en { $count } minutos.
}
error-wrong-passphrase = La frase de acceso no es correcta.
error-already-vouched = Ya avalaste a esta persona.
error-already-member = Ya es miembro de este consejo.
error-last-organiser = Un consejo debe conservar al menos una persona organizadora.
error-field-too-long = Un campo es demasiado largo.
error-field-missing = Falta un campo obligatorio.
error-bad-value = Un valor no es de los ofrecidos.
error-internal = Algo salió mal en el servidor. No se cambió nada.
error-csrf-refused = Este formulario se envió desde otro sitio y se rechazó.
