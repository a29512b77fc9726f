# Ayuda mutua: pedidos y ofrecimientos, que se juntan por tipo y zona.

aid-title = Ayuda mutua
aid-lead = Pidan ayuda u ofrézcanla: transporte, comida, cuidado de niños, vivienda, fianza, traducción. Los ofrecimientos aparecen junto a los pedidos del mismo tipo en la misma zona.
aid-new-request = Pedir ayuda
aid-new-offer = Ofrecer ayuda
aid-new-title = Pedir u ofrecer ayuda
aid-new-lead = Lo verán las personas de este comité (y de los consejos con que lo compartan). Pongan una zona, nunca una dirección; digan cómo contactarles solo cuando alguien responda.
aid-none = Aún no hay nada.
aid-filter = Mostrar
aid-show-all = Mostrar también lo cumplido o retirado
aid-kind-any = Cualquier tipo
aid-shared-from = De { $council }
aid-for-other-badge = Para otra persona
aid-matches-count = { $count ->
    [one] 1 coincidencia
   *[other] { $count } coincidencias
}

aid-direction-request = Pedido
aid-direction-offer = Ofrecimiento
aid-kind-rides = Transporte
aid-kind-food = Comida
aid-kind-childcare = Cuidado de niños
aid-kind-housing = Vivienda
aid-kind-bail = Fianza
aid-kind-translation = Traducción
aid-status-open = Abierto
aid-status-matched = Con respuesta
aid-status-met = Cumplido
aid-status-withdrawn = Retirado

aid-field-direction = ¿Piden u ofrecen?
aid-field-kind = Tipo de ayuda
aid-field-area = Zona
aid-field-area-hint = Un barrio o unas calles, nunca una dirección.
aid-field-details = Qué se necesita u ofrece
aid-field-details-hint = Cuándo, cuánto, por cuánto tiempo.
aid-field-for-other = Pido para otra persona (por ejemplo la familia de un vecino detenido)
aid-field-for-whom = Para quién es
aid-field-for-whom-hint = Con sus palabras, sin nombres completos: no hace falta que sea miembro. Solo para pedidos.
aid-field-share = Compartir con
aid-post = Publicar

aid-yours = Esto lo publicaste tú.
aid-for-whom = Para quién es
aid-posted-by = Publicado por
aid-someone = una persona que ya no es miembro
aid-matched-by = Respondido por
aid-shared-with = Compartido con
aid-answer-request = Puedo ayudar
aid-answer-offer = Me interesa
aid-mark-met = Marcar como cumplido
aid-release = No se pudo: abrir de nuevo
aid-withdraw = Retirar
aid-kept-until = Se borra el { $date }.
aid-matching-offers = Ofrecimientos que coinciden
aid-matching-requests = Pedidos que coinciden
aid-no-matches = Aún no hay coincidencias (mismo tipo, misma zona).

delivery-title-aid-matched = Alguien respondió a tu publicación de ayuda mutua

error-aid-area-empty = Pongan una zona.
error-aid-details-empty = Digan qué se necesita u ofrece.
error-aid-too-long = Uno de los textos es demasiado largo.
error-aid-for-whom-missing = Digan para quién es el pedido.
error-aid-wrong-step = Eso no se puede hacer ahora: la publicación cambió mientras tanto.
error-aid-own-post = No pueden responder a su propia publicación.
