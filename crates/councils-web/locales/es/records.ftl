# Planes de emergencia, registros de incidentes y conoce tus derechos.

nav-plan = Mi plan de emergencia
council-rights = Conoce tus derechos
council-incidents = Registros de incidentes
council-plans = Planes de emergencia de los miembros

## Planes de emergencia

plan-title = Plan de emergencia
plan-lead = Escribe ahora, con tus palabras, lo que tu familia, tu abogada o tus amigos deben saber y hacer si te detienen. Con un toque se les envía a cada uno al instante.
plan-none = Todavía no tienes un plan de emergencia. Escríbelo abajo.
plan-saved = Tu plan está guardado.
plan-send-heading = Enviar tu plan
plan-detained = Me están deteniendo
plan-detained-hint = Se te pedirá que confirmes y tu mensaje saldrá al instante hacia cada uno de tus contactos.
plan-detained-hint-council = Se te pedirá que confirmes y tu mensaje saldrá al instante hacia cada uno de tus contactos, y se avisará al equipo legal de { $council }.
plan-test-lead = Prueba tu plan: tus contactos reciben tu mensaje marcado claramente como prueba, para que sepan cómo llegará y que no ha pasado nada.
plan-test = Enviar una prueba
plan-write = Escribe tu plan
plan-edit = Cambiar tu plan
field-plan-message = Tu mensaje
field-plan-message-hint = En tu idioma. Di quién eres, a quién llamar, quién recoge a los niños, dónde están tus papeles.
field-plan-contacts = A quién se envía
field-plan-contacts-hint = { $count ->
    [one] Correos electrónicos, uno por línea, como máximo uno. Cada contacto recibe su propio correo y nunca ve a los demás.
   *[other] Correos electrónicos, uno por línea, como máximo { $count }. Cada contacto recibe su propio correo y nunca ve a los demás.
}
field-plan-council = Tu comité (opcional)
field-plan-council-hint = Se avisa a su equipo legal cuando se envía tu plan, y sus organizadores y su equipo legal pueden enviarlo por ti si los llamas. Nunca ven tu mensaje ni tus contactos.
plan-no-council = Ningún comité
plan-mail-warning = Tu plan se guarda cifrado, pero el correo electrónico no es privado: escribe solo lo que tus contactos necesitan.
plan-save = Guardar el plan
plan-history = Cuándo se envió
plan-history-lead = Solo se guarda cuándo y quién lo envió: nada de lo enviado.
plan-history-none = Todavía no se ha enviado.
plan-sending-test = Prueba
plan-sending-real = Enviado
plan-sent-by-you = por ti
plan-sent-by-committee = por tu comité, en tu nombre
plan-delete-lead = Si borras tu plan, también se borra el registro de cuándo se envió.
plan-delete = Borrar mi plan
plan-confirm-title = Enviar el plan de emergencia
plan-confirm-heading = ¿Enviar ahora tu plan de emergencia?
plan-confirm-lead = Tu mensaje sale al instante hacia cada uno de tus contactos. No es una prueba.
plan-confirm-for-heading = ¿Enviar el plan de emergencia de { $handle } en su nombre?
plan-confirm-for-lead = Su mensaje sale al instante hacia cada uno de sus contactos, diciendo que su comité lo envió en su nombre, y se avisa al equipo legal del comité. No verás el mensaje ni los contactos.
plan-confirm-send = Sí, enviarlo ahora
plan-confirm-cancel = No, volver
plan-last-sent = enviado por última vez el { $time }
plan-sent-title = Tu plan de emergencia se envió
plan-test-sent-title = La prueba se envió
plan-test-sent-lead = Tus contactos recibieron tu mensaje marcado como prueba. Pregúntales si les llegó.
plan-sent-line = Enviado por correo a { $delivered } de { $contacts } contactos.
plan-no-mail-server = Este servidor no tiene configurado un servidor de correo, así que no se pudo enviar nada. Llama a tus contactos o pide ayuda a tu comité.
plan-sent-legal = { $count ->
    [one] Se avisó a una persona del equipo legal del comité.
   *[other] Se avisó a { $count } personas del equipo legal del comité.
}
plan-back = Volver
plans-title = Planes de emergencia de los miembros
plans-lead = Miembros que nombraron a este comité en su plan de emergencia. Los organizadores y el equipo legal pueden enviar el plan de un miembro en su nombre, por ejemplo cuando llama desde la detención. Nunca ves el mensaje ni los contactos.
plans-none = Ningún miembro ha nombrado a este comité en un plan de emergencia.
plans-send-for = Enviarlo en su nombre

## El correo que envía un plan (en el idioma del plan; el correo no es privado)

plan-mail-subject = Mensaje de emergencia: léelo ahora
plan-mail-intro = Este mensaje lo escribió de antemano alguien que confía en ti, y se envió el { $time } porque lo están deteniendo.
plan-mail-intro-for = Este mensaje lo escribió de antemano alguien que confía en ti. Su comité lo envió en su nombre el { $time }: lo han detenido.
plan-mail-test-subject = PRUEBA — esto es una prueba de un mensaje de emergencia
plan-mail-test-intro = PRUEBA — esto es una prueba del mensaje de emergencia de alguien que confía en ti, enviada el { $time }. No ha pasado nada. Si fuera de verdad, recibirías el mensaje de abajo.
plan-mail-footer = Enviado por el servidor councils de su comité. No respondas a este correo.

## Registros de incidentes

incidents-title = Registros de incidentes
incidents-lead = Un registro de incidente es documentación para abogados: qué pasó, cuándo, dónde, quién estaba y fotos. Solo tú y el equipo legal del comité pueden leer lo que registras.
incidents-lead-legal = Como equipo legal del comité lees todos los registros de aquí. Quienes los registraron leen los suyos.
incidents-none = Todavía no hay registros.
incident-new-title = Registrar un incidente
incident-new-lead = Escribe lo que viste, con el mayor detalle posible, mientras lo recuerdas. Solo tú y el equipo legal del comité lo leerán. Las fotos se añaden en la página siguiente.
incident-field-what = Qué pasó
incident-field-what-hint = Con tus palabras: lo que viste y oíste, en orden. Sin nombres de agentes ni matrículas.
incident-field-when = Cuándo
incident-field-when-hint = La fecha y la hora, lo más exactas que sepas.
incident-field-place = Dónde
incident-field-place-hint = Un lugar o un cruce de calles.
incident-field-involved = Quién de los nuestros estuvo involucrado
incident-field-involved-hint = Miembros, vecinos, compañeros de trabajo, como prefieras nombrarlos (opcional).
incident-field-witnesses = Testigos
incident-field-witnesses-hint = Quién más lo vio y cómo contactarlo (opcional).
incident-file = Registrar
incident-title = Registro de incidente
incident-filed-at = registrado el { $time }
incident-filed-by = por { $handle }
incident-photo-count = { $count ->
    [one] 1 foto
   *[other] { $count } fotos
}
incident-photos = Fotos
incident-photos-none = Todavía no hay fotos.
incident-photos-added = { $count ->
    [one] Se añadió 1 foto, sin sus metadatos.
   *[other] Se añadieron { $count } fotos, sin sus metadatos.
}
incident-uploaded-at = subida el { $time }
incident-sha256 = SHA-256 al subirla:
incident-photo-delete = Borrar
incident-add-photos = Añadir fotos
incident-photos-stripped = Antes de guardar una foto se le quita todo menos la imagen: dónde se tomó (GPS), cuándo, el teléfono, los comentarios y el historial de edición. El SHA-256 que aparece al lado es el de lo guardado, anotado al subirla, para que un abogado pueda demostrar que no se cambió.
incident-videos-refused = Solo fotos JPEG, PNG y WebP. Los videos se rechazan, porque aquí no se les pueden quitar los metadatos con seguridad: guarda los videos en tu teléfono y dáselos directamente al abogado.
incident-photo-limits = Como máximo { $file } por foto, { $count } fotos y { $record } por registro.
incident-upload = Subir
incident-export = Exportar para un abogado
incident-export-lead = Descarga el registro (el relato, las fotos y sus hashes) cifrado con age, para que solo el abogado pueda abrirlo. Da la clave pública age del abogado, o una frase de contraseña que le darás por otra vía (en persona o por teléfono, nunca en el mismo correo).
field-export-recipient = La clave pública age del abogado
field-export-recipient-hint = Empieza por age1.
field-export-passphrase = O una frase de contraseña
field-export-passphrase-hint = Al menos 12 caracteres; que no sea una frase común.
incident-export-submit = Descargar el registro cifrado
incident-delete-lead = Al borrar el registro se borran también sus fotos. No se puede deshacer.
incident-delete-confirm = Entiendo: borrarlo para siempre.
incident-delete = Borrar el registro

## La exportación (en el idioma de quien exporta)

export-readme = Este archivo contiene un registro de incidente: account.txt (el relato tal como se registró), account.json (lo mismo, para programas), photos/ (las fotos, sin metadatos desde que se subieron), custody.txt (cuándo se subió cada foto) y SHA256SUMS (el SHA-256 de cada foto, anotado al subirla). Comprueba las fotos con: sha256sum -c SHA256SUMS
export-council = Comité
export-record = Registro
export-filed-at = Registrado el
export-filed-by = Registrado por
export-custody-intro = Cadena de custodia: el SHA-256 de cada foto, anotado al subirla, después de quitarle los metadatos.
export-uploaded-at = Subida el
export-size = Tamaño

## Conoce tus derechos

rights-title = Conoce tus derechos
rights-not-advice = Información general, no asesoría legal. Las leyes cambian de un lugar a otro y con el tiempo: para tu caso, habla con un abogado. Esto es lo que publican ampliamente las organizaciones de derechos de los inmigrantes y de libertades civiles.
rights-contacts = Contactos de { $council }
rights-contacts-none = El comité todavía no ha puesto su línea de ayuda ni sus contactos legales.
rights-hotline = Línea de ayuda:
rights-legal = Contactos legales:
rights-door = En la puerta
rights-door-open = No abras la puerta. Los agentes no pueden entrar sin una orden firmada por un juez o sin tu permiso; abrir la puerta puede tomarse como permiso.
rights-door-warrant = Pídeles que muestren la orden por la ventana o que la pasen por debajo de la puerta.
rights-door-judge = Revísala: una orden judicial está firmada por un juez y nombra un tribunal, tu dirección y lo que se puede registrar. Un formulario firmado por un agente de inmigración (por ejemplo un formulario I-205 o I-247 de ICE) no es una orden judicial y no les permite entrar.
rights-door-outside = Si entran de todos modos, no te resistas. Di claramente: «No doy mi consentimiento para este registro». Recuerda lo que pasa y escríbelo después.
rights-door-silent = Habla a través de la puerta. Puedes decir: «Elijo guardar silencio».
rights-work = En el trabajo
rights-work-silent = Tienes derecho a guardar silencio. No tienes que contestar preguntas sobre dónde naciste ni sobre tu situación migratoria.
rights-work-areas = Los agentes necesitan una orden judicial, o el permiso del empleador, para entrar en las zonas privadas de un lugar de trabajo. Las zonas públicas son distintas.
rights-work-papers = No enseñes documentos sobre tu situación migratoria salvo que te lo diga un abogado.
rights-work-run = No corras. Mantén la calma; pregunta si puedes irte.
rights-street = En la calle
rights-street-free = Pregunta: «¿Puedo irme?». Si dicen que sí, vete con calma.
rights-street-silent = Tienes derecho a guardar silencio. Di: «Quiero guardar silencio y quiero hablar con un abogado».
rights-street-search = Puedes negarte a que te registren a ti o tus cosas. Di: «No doy mi consentimiento para un registro». No te resistas físicamente.
rights-street-calm = Mantén la calma, deja las manos a la vista, no corras y no discutas.
rights-street-record = Cualquiera puede grabar a los agentes en un lugar público, a distancia y sin estorbarles.
rights-always = Siempre
rights-always-sign = No firmes nada, sobre todo en un idioma que no entiendes, sin hablar antes con un abogado.
rights-always-lie = No mientas y nunca enseñes documentos falsos. En lugar de eso puedes guardar silencio.
rights-always-lawyer = Pide un abogado. Si te detienen, tienes derecho a llamar a un abogado y a tu consulado.
rights-always-number = Apréndete de memoria los números de tu abogado, de tu familia y de la línea de ayuda del comité.
rights-always-plan = Haz tu plan de emergencia: quién recoge a los niños, dónde están tus papeles, a quién llamar.
rights-print = Para imprimir esta página, usa la opción Imprimir de tu navegador. Los menús y formularios no salen impresos.
rights-edit = Los contactos del comité
field-rights-hotline = Número de la línea de ayuda
field-rights-legal = Contactos legales
field-rights-legal-hint = Abogados y organizaciones de ayuda legal, con sus números. Se muestran a los miembros del comité.
rights-save = Guardar los contactos

## Errores

error-plan-message-empty = Escribe el mensaje que recibirán tus contactos.
error-plan-message-too-long = El mensaje es demasiado largo.
error-plan-no-contacts = Da al menos un correo electrónico al que se envíe tu plan.
error-plan-too-many-contacts = Son más contactos de los que cabe en un plan.
error-plan-bad-contact = Uno de los contactos no es un correo electrónico. Pon un correo por línea.
error-incident-missing = Di qué pasó, cuándo y dónde.
error-incident-too-long = Una parte del relato es demasiado larga.
error-evidence-empty = Elige una foto para subir.
error-evidence-too-large = Ese archivo es más grande de lo que puede ser una foto. No se subió nada.
error-evidence-record-full = Este registro no tiene sitio para más fotos. No se subió nada.
error-evidence-video = Aquí no se les pueden quitar los metadatos a los videos, así que se rechazan. No se subió nada. Guarda el video y dáselo directamente al abogado.
error-evidence-unsupported = Solo se les pueden quitar los metadatos a las fotos JPEG, PNG y WebP. No se subió nada. La mayoría de los teléfonos pueden compartir una foto como JPEG.
error-evidence-broken = Esa foto está dañada o incompleta. No se subió nada.
error-export-key = Eso no es una clave pública age (empieza por age1). Da la clave o una frase de contraseña, no las dos.
