# Democracia de consejos: delegadas, elecciones, mandatos, revocaciones, referendos y las
# reglas que un consejo fija para sus delegadas.
delegates-title = Delegadas
delegates-sent = Delegadas que envía este consejo
delegates-received = Delegadas que recibe este consejo
delegates-none = Todavía no hay delegadas.
delegate-status-active = En su puesto
delegate-status-recalled = Revocada
delegate-status-ended = Mandato terminado
delegate-from = Elegida por
delegate-to = Tiene puesto en
delegate-term = Periodo
delegate-mandates = Mandatos y cómo votó
delegate-mandated = Mandato:
delegate-voted = Votó:
delegate-contrary = Contra el mandato
delegate-no-open-vote = todavía no ha votado
delegate-contrary-count = { $count ->
    [one] Un voto contado contra el mandato.
   *[other] { $count } votos contados contra el mandato.
}
election-call = Convocar una elección de delegadas
election-lead = El consejo elige tantas delegadas como puestos tiene en el consejo superior, por voto único transferible, por un mandato. Se pueden revocar en cualquier momento.
election-submit = Convocar la elección
election-default-title = Delegadas a { $parent }
election-seats = { $count ->
    [one] 1 puesto
   *[other] { $count } puestos
}
field-election-parent = Consejo superior
field-term-months = Mandato, en meses
field-candidates = Candidatas
mandates-title = Mandatos
mandates-lead = Antes de que decida un consejo superior, este consejo puede obligar a sus delegadas: a favor, en contra, abstención o libres de juzgar.
mandates-none = Todavía no hay mandatos.
mandate-none-yet = Todavía sin mandato
mandate-motion-link = la votación del mandato
mandate-propose = Someter un mandato a votación
mandate-motion-title = Mandato: { $title }
mandate-motion-body = Cómo deben votar nuestras delegadas esta moción del consejo superior. Ordena las opciones que aceptas, primero la que prefieres: a favor, en contra, abstención o libre (las delegadas juzgan). La opción que prefiera la mayoría es el mandato.
mandate-motion-body-ranked = Cómo deben ordenar nuestras delegadas las opciones de esta moción del consejo superior. Ordénalas como quieres que las ordene el consejo: el orden de Schulze de nuestras papeletas es el mandato, y las delegadas deben ordenar exactamente así.
mandate-for = A favor
mandate-against = En contra
mandate-abstain = Abstención
mandate-free = Libre
mandate-ranking = Un orden
mandate-policy-refuse = Rechazar el voto de una delegada contra el mandato
mandate-policy-record-and-flag = Contarlo, señalarlo y abrir una revocación
recall-title = Revocación
recall-heading = Revocación de { $handle }
recall-lead = Cualquier miembro puede iniciar la revocación de la delegada de este consejo a { $parent }. Cuando firman suficientes miembros, la delegada sale de inmediato y se abre una elección para el puesto.
recall-start = Iniciar una revocación
recall-see-open = Ver la revocación en curso
recall-sign = Firmar la revocación
recall-signed = Has firmado esta revocación.
recall-signatures = { $count } de { $required } firmas necesarias.
recall-threshold = { $count ->
    [one] Una firma revoca a la delegada.
   *[other] Se necesitan { $count } firmas.
}
recall-voting = Las firmas alcanzaron el umbral: el consejo vota la revocación.
recall-vote-link = Votar la revocación
recall-not-sitting = Esta delegada ya no tiene puesto.
recall-vote-title = ¿Revocar a { $handle } de { $parent }?
recall-vote-body-contrary = Abierta cuando el voto de la delegada fue contra el mandato del consejo.
recall-threshold-majority = Una mayoría de los miembros
recall-threshold-count = Un número de firmas
recall-threshold-share = Una parte de los miembros
recall-mode-remove-at-threshold = Revocar a la delegada al llegar al umbral
recall-mode-open-recall-vote = Abrir una votación de revocación al llegar al umbral
field-recall-reason = Por qué revocar a esta delegada
field-term-cap = Mandatos seguidos permitidos
field-term-cap-hint = 0 para ningún límite
field-mandate-policy = El voto de una delegada contra el mandato
field-recall-threshold = Firmas que necesita una revocación
field-recall-num = Número de firmas, o el numerador de la parte
field-recall-den = El denominador de la parte
field-recall-mode = Al llegar al umbral
field-vote-weighting = Peso de las delegadas que recibe este consejo
vote-weighting-members = Los miembros que representa cada consejo, repartidos entre sus delegadas
vote-weighting-seats = Uno por puesto
rules-title = Reglas de delegación
rules-submit = Guardar las reglas
motion-by-election = Una elección para los puestos que dejó vacantes una revocación
referendum-badge = Referendo
referendum-vote = Votar en el referendo
referendum-call = Someter a referendo
referendum-hint = Vota cada miembro de cada consejo por debajo de este, una vez cada uno.
minutes-by-contrary-vote = un voto contra el mandato
minutes-delegate-elected = { $member } fue elegida delegada a { $parent } hasta { $ends }.
minutes-delegate-seated = { $member } ocupó un puesto como delegada de { $constituent }.
minutes-delegate-term-ended = Terminó el mandato de { $member } como delegada a { $parent }.
minutes-delegate-unseated = { $member }, delegada de { $constituent }, dejó su puesto.
minutes-mandate-voted = El consejo dio mandato a sus delegadas a { $parent }: { $mandate }.
minutes-vote-against-mandate = { $member } votó contra el mandato del consejo; el voto se contó y se señaló.
minutes-recall-started = { $by } inició la revocación de una delegada.
minutes-recall-vote-opened = Una revocación alcanzó su umbral: se abrió la votación de revocación.
minutes-delegate-recalled = { $member } fue revocada como delegada a { $parent }; se abre una elección para el puesto.
minutes-recall-failed = La votación de revocación mantuvo a la delegada.
minutes-delegation-rules-changed = { $by } cambió las reglas de delegación: { $policy }; { $mode }; { $weighting }.
minutes-referendum-called = { $by } sometió una moción a referendo de todos los miembros por debajo del consejo.
error-mandate-contrary = Este voto va contra el mandato de tu consejo. Vota según el mandato, o pide a tu consejo un nuevo mandato.
error-mandate-does-not-fit = Este mandato no corresponde al método de votación de la moción.
error-mandate-ranking-invalid = El orden del mandato no es un orden válido de las opciones.
error-mandate-malformed = No se pudo leer un mandato guardado.
error-recall-already-signed = Ya has firmado esta revocación.
error-recall-not-collecting = Esta revocación ya no recoge firmas.
error-recall-no-vote-open = No hay ninguna votación de revocación abierta.
error-recall-invalid-threshold = Un umbral de revocación necesita al menos una firma, y una parte entre 0 y 1.
error-term-cap-reached = Una candidata ya ha cumplido tantos mandatos seguidos como permite el consejo.
error-term-invalid-cap = Un límite de mandatos seguidos permite al menos un mandato.
error-term-ends-before-start = Un mandato termina después de empezar.
error-term-too-long = Un mandato dura como mucho cinco años.
error-delegates-only = En este consejo solo votan las delegadas de sus consejos miembros.
error-not-a-parent = Este consejo no envía delegadas a ese consejo.
error-recall-open = Ya hay una revocación abierta de esta delegada, o la delegada ya no tiene puesto.
error-no-referendum = Solo una moción de un consejo con consejos miembros, antes de abrir la votación, puede someterse a referendo.
error-seated-for-another = Una de las candidaturas ya ocupa un puesto en ese consejo por otro consejo. Cada persona ocupa un solo puesto en un consejo.
