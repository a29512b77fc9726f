# Avisar a los miembros fuera de la página abierta: Web Push y correo. Los títulos van por
# tipo de aviso y no dicen nada de lo que pasó: ni los servicios push ni el correo son privados.
delivery-title-report-filed = Un reporte espera verificación
delivery-title-report-changed = Hay novedades sobre tu reporte
delivery-title-alert-raised = Una alerta te necesita
delivery-title-alert-updated = Hay novedades en una alerta que sigues
delivery-title-alert-closed = Todo despejado: se cerró una alerta
delivery-title-plan-triggered = Alguien activó su plan de emergencia
delivery-push-body = Abre councils para verlo.
delivery-mail-body =
    { $title }.

    Abre este enlace para verlo (quizá tengas que entrar con tu cuenta):
    { $link }

    Este correo no dice nada más a propósito: el correo no es privado.

# La página de cuenta: avisos en este navegador y los dispositivos suscritos del miembro.
push-title = Avisos en tus dispositivos
push-explain = Las alertas y los reportes de tus funciones pueden llegar a este teléfono o computadora aunque councils no esté abierto. El servicio push de tu navegador solo lleva un título corto, nunca lo que pasó.
push-subscribe = Recibir avisos en este dispositivo
push-unsubscribe = Dejar de recibir avisos en este dispositivo
push-subscribed = Este dispositivo recibe avisos.
push-denied = Tu navegador tiene bloqueados los avisos de este sitio; puedes cambiarlo en su configuración.
push-failed = No se pudo suscribir este dispositivo. Inténtalo más tarde.
push-none = Todavía ningún dispositivo recibe avisos.
push-devices = Dispositivos que reciben avisos
push-device = Por { $service }, desde el { $date }
push-remove = Quitar
push-removed = El dispositivo ya no recibe avisos.
push-email-note = Los avisos urgentes también van a tu correo, si lo diste arriba: solo un título y un enlace.
error-push-subscription-invalid = La suscripción push de este navegador no sirve aquí.

# El resumen diario y los avisos de temas que no son alertas.
delivery-digest-subject = { $count ->
    [one] 1 aviso nuevo en councils
   *[other] { $count } avisos nuevos en councils
}
delivery-digest-line = { $title }: { $count }
delivery-digest-body =
    Desde tu último resumen:

    { $lines }

    Abre este enlace para verlos (quizá tengas que entrar con tu cuenta):
    { $link }

    Este correo no dice nada más a propósito: el correo no es privado.
delivery-title-voting-opened = Hay una votación abierta en tu consejo
delivery-title-mandate-wanted = Tus delegados van a votar: dales un mandato
