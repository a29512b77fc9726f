# Respuesta rápida: avisos de redadas, su verificación, alertas a quienes responden,
# novedades y el fin de la alerta.
alerts-title = Respuesta rápida
alerts-lead-verifier = Los avisos llegan aquí primero, solo a quienes verifican. Vaya a ver antes de confirmar: solo un aviso confirmado llega a quienes responden.
alerts-lead-responder = Alertas confirmadas que le toca atender. Nada de esto es público.
alerts-lead-member = Sus avisos y lo que encontraron quienes verifican.
alerts-none = Nada por ahora.
alerts-refresh = Actualizar
alerts-counts = Hasta ahora: { $reports } avisos, { $alerts } confirmados, { $false_alarms } falsas alarmas.
report-new = Avisar de una redada
report-new-lead = Llega solo a quienes verifican en { $council }, al instante.
report-heading = Aviso: { $place }
alert-heading = Alerta: { $place }
report-submit = Enviar a quienes verifican
report-never = Nunca escriba nombres de agentes ni números de placa, y nunca mande fotos de caras.
field-report-what = Qué está pasando
field-report-what-hint = Lo que ve: camionetas, agentes en una puerta, personas detenidas.
field-report-place = Dónde
field-report-place-hint = Un lugar o un cruce de calles, por ejemplo «Soto St y 1st St».
field-report-when = Cuándo
field-report-officers = Agentes
field-report-vehicles = Vehículos
field-report-agency = Agencia
field-report-source = ¿Cómo lo sabe?
field-report-hotline = Soy voluntaria o voluntario de la línea y anoto una llamada
report-when-now = Ahora
report-when-ago = { $count ->
    [one] hace 1 minuto
   *[other] hace { $count } minutos
}
report-how-many = Cuántos
report-via-hotline = recibido por la línea
report-officers = { $count ->
    [one] 1 agente
   *[other] { $count } agentes
}
report-officers-unknown = agentes sin contar
report-vehicles = { $count ->
    [one] 1 vehículo
   *[other] { $count } vehículos
}
report-vehicles-unknown = vehículos sin contar
report-someone = una persona que ya no es miembro
report-from-neighbour = Del comité vecino { $slug }
report-timeline = Cronología
agency-ice = ICE (la migra)
agency-cbp = Patrulla Fronteriza (CBP)
agency-police = Policía
agency-sheriff = Sheriff
agency-other = Otra agencia
agency-unknown = No se sabe
source-saw-it = Lo vi yo
source-told-by-someone = Me lo contaron
source-other = De otra forma
report-state-filed = Esperando verificación
report-state-taken = Alguien va a verificar
report-state-more-info = Se pidió más información
report-state-confirmed = Alerta confirmada
report-state-false-alarm = Falsa alarma
report-state-closed = Fin de la alerta
timeline-filed = dio el aviso
timeline-taken = va a verificar
timeline-more-info-asked = pidió más información
timeline-info-added = añadió información al aviso
timeline-confirmed = lo confirmó
timeline-false-alarm = vio que era falsa alarma
timeline-on-my-way = va en camino como { $role }
timeline-update = publicó una novedad
timeline-closed = dio por terminada la alerta
verify-title = Verificar
verify-take = Voy para allá
verify-confirm = Confirmado: alertar a quienes responden
verify-false-alarm = Falsa alarma
verify-more-info = Pedir más información a quien avisó
field-verify-note = Lo que vio
field-verify-note-hint = Opcional al confirmar; necesario al pedir más información.
field-report-info = Añadir a su aviso
report-info-submit = Añadir
respond-title = Voy en camino, como:
response-role-legal-observer = Observación legal
response-role-documentation = Documentación
response-role-family-accompaniment = Acompañar a la familia
response-role-support-at-home = Apoyo desde casa
alert-coming = Quién viene
alert-nobody-yet = Nadie ha respondido todavía.
field-alert-update = Novedad
alert-update-submit = Publicar la novedad
field-alert-outcome = Resultado, para terminar la alerta
alert-close = Terminó: cerrar la alerta
alert-outcome = Resultado:
rapid-settings-title = Ajustes de respuesta rápida
field-rapid-closed-days = Días que se guarda una alerta cerrada
field-rapid-closed-days-hint = Después se borra para siempre, con sus respuestas y su cronología; solo quedan los totales. Las falsas alarmas se borran a las 24 horas.
field-rapid-neighbours = Comités vecinos
field-rapid-neighbours-hint = Quienes responden en ellos también reciben las alertas confirmadas de este comité.
rapid-no-neighbours = Todavía no hay otro comité en esta instancia.
rapid-settings-save = Guardar
error-report-missing = Diga qué está pasando y dónde.
error-report-too-long = Un texto es demasiado largo; escríbalo más corto.
error-report-count-too-large = Tantos agentes o vehículos no puede ser; ponga un número hasta 999.
error-report-when-out-of-range = Un aviso es solo sobre el último día.
error-report-unknown-value = Elija uno de los valores ofrecidos.
error-report-wrong-step = El aviso cambió mientras tanto; mire cómo está ahora.
error-report-taken-by-another = Otra persona ya está verificando este aviso.
