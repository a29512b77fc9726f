# Publicaciones: declaraciones y volantes, comentarios, el volante para imprimir.
publications-title = Publicaciones
publications-lead = Declaraciones y volantes de este consejo, en sus idiomas, con los comentarios de sus miembros.
publications-none = Todavía no hay publicaciones.
publication-new-title = Escribir una publicación
publication-new-lead = Escribe el texto en un idioma o en los dos. Se guarda como borrador, que solo ven quienes organizan, hasta que lo publiques.
publication-draft = Borrador
publication-public = Pública
publication-members-only = Solo para miembros
publication-public-title = Declaraciones y volantes públicos
publication-public-lead = Lo que los consejos de este servidor decidieron publicar para todo el mundo. No hace falta una cuenta para leerlo.
publication-feed = Canal Atom de estas publicaciones
publication-feed-summary = Una publicación de { $council }.
field-publication-title = Título
field-publication-body = Texto
field-publication-body-hint = (Markdown: *cursiva*, **negrita**, # títulos, - listas, > citas)
field-publication-public = Pública: cualquiera puede leerla sin iniciar sesión
field-publication-public-hint = Solo los miembros pueden comentar, sea pública o no.
publication-save-draft = Guardar el borrador
publication-desk = Para quienes organizan
publication-publish = Publicar para los miembros
publication-make-public = Hacerla pública
publication-make-members-only = Dejarla solo para miembros
publication-date = { $day } de { $month } de { $year }
publication-month-1 = enero
publication-month-2 = febrero
publication-month-3 = marzo
publication-month-4 = abril
publication-month-5 = mayo
publication-month-6 = junio
publication-month-7 = julio
publication-month-8 = agosto
publication-month-9 = septiembre
publication-month-10 = octubre
publication-month-11 = noviembre
publication-month-12 = diciembre
leaflet-title = Volante para imprimir
leaflet-lead = Un PDF con el nombre del consejo y la fecha, para imprimir y repartir.
field-leaflet-paper = Papel
leaflet-paper-a4 = A4
leaflet-paper-us-letter = Carta (EE. UU.)
field-leaflet-layout = Idiomas
leaflet-layout-side-by-side = Uno al lado del otro
leaflet-layout-page-per-language = Un idioma por página
leaflet-download = Descargar el PDF
publication-comments = Comentarios
publication-comments-none = Todavía no hay comentarios.
publication-comment-label = Tu comentario
publication-comment-submit = Comentar
publication-comment-members = Solo los miembros de este consejo pueden comentar.
publication-comment-sign-in = Los miembros de este consejo pueden comentar después de iniciar sesión.
publication-comment-hidden = Una persona organizadora ocultó este comentario.
publication-comment-hidden-badge = Oculto
publication-comment-removed = Una persona organizadora eliminó este comentario.
publication-reply = Responder
publication-reply-label = Tu respuesta
publication-reply-submit = Enviar la respuesta
publication-moderate-hide = Ocultar
publication-moderate-restore = Mostrar de nuevo
publication-moderate-remove = Eliminar
minutes-publication-published = { $by } publicó una publicación{ $public ->
    [yes] {""}, pública
   *[no] {""} para los miembros
}.
minutes-publication-visibility-changed = { $by } dejó una publicación { $public ->
    [yes] pública
   *[no] solo para miembros
}.
minutes-publication-comment-moderated = { $by } { $moderation ->
    [hide] ocultó
    [restore] volvió a mostrar
   *[remove] eliminó
} un comentario de una publicación.
delivery-title-publication-published = Una nueva publicación de tu consejo
delivery-title-publication-replied = Alguien respondió a tu comentario
error-publication-no-text = Pon un título y un texto en al menos un idioma.
error-publication-incomplete = Cada idioma necesita un título y un texto (o ninguno de los dos).
error-publication-too-long = Un título o un texto es demasiado largo.
error-publication-comment-empty = Escribe algo antes de enviar.
error-publication-comment-too-long = El comentario es demasiado largo.
error-publication-no-such-parent = El comentario al que respondiste no está en esta publicación.
error-publication-not-published = Los comentarios se abren cuando la publicación se publica.
error-publication-comments-full = Esta publicación ya no admite más comentarios.
error-publication-already-published = Esta publicación ya está publicada.
error-publication-wrong-moderation = Ese comentario cambió mientras tanto; vuelve a mirarlo.
error-leaflets-not-built = Este servidor se compiló sin volantes, así que no puede hacer un PDF. Pide a quien lo administra una versión con volantes.
landing-publications-title = Declaraciones y volantes
landing-publications = Lee lo que los consejos de aquí publicaron para todo el mundo e imprime sus volantes.
landing-publications-link = Publicaciones públicas
publication-edit = Editar el texto
publication-edit-title = Editar la publicación
publication-edit-lead = Cambia el texto en cualquiera de los idiomas, o vacía los dos campos de un idioma para quitarlo. Un cambio en un texto publicado queda en el acta.
publication-save-changes = Guardar los cambios
publication-delete = Eliminar
publication-delete-sure = Eliminarla para siempre, con sus comentarios
minutes-publication-revised = { $by } cambió el texto de una publicación.
minutes-publication-withdrawn = { $by } retiró una publicación.
error-publication-not-confirmed = Marca la casilla para confirmar que quieres eliminarla.
