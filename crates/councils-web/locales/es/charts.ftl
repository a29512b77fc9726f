# Gráficos de los resultados de una moción (src/charts.rs). Toda clave empieza por chart-.

chart-cast =
    { $ballots ->
        [one] 1 papeleta, que cuenta
       *[other] { $ballots } papeletas, que cuentan
    } por { $weight ->
        [one] 1 miembro.
       *[other] { $weight } miembros.
    }
chart-passed = La moción se aprobó.
chart-rejected = La moción se rechazó.
chart-blocked = La propuesta quedó bloqueada.
chart-no-quorum = No se alcanzó el quórum: no se decidió nada.
chart-none-elected = No se eligió a nadie.
chart-winner = Gana: { $names }.
chart-elected = Personas elegidas: { $names }.
chart-tie-backwards = Un empate se deshizo con los totales de las rondas anteriores.
chart-tie-forwards = Un empate se deshizo con los totales de las etapas anteriores.
chart-tie-lot = Un empate se deshizo por sorteo (semilla { $seed }).

chart-yes-no-title = Votos sobre la moción
chart-consent-title = Respuestas a la propuesta
chart-approval-title = Aprobaciones por opción
chart-score-title = Puntuación total por opción
chart-score-note = Cada papeleta puntuó las opciones de 0 a { $max }; un total es la suma de las puntuaciones por el peso de cada papeleta.
chart-schulze-title = Enfrentamientos por pares
chart-schulze-legend = Cada casilla es el peso que sitúa la opción de la fila por encima de la opción de la columna. Verde: la fila gana ese enfrentamiento; rojo: lo pierde; gris: empate. Las columnas se numeran como las filas.
chart-ranking-title = Clasificación final
chart-pairwise-caption = Por pares: peso que sitúa la opción de la fila por encima de la de la columna
chart-paths-caption = Caminos más fuertes de la opción de la fila a la de la columna
chart-irv-title = Rondas de la segunda vuelta instantánea
chart-stv-title = Rondas del voto único transferible
chart-quota-legend = La línea discontinua de cada ronda marca la cuota.

chart-yes = Sí
chart-no = No
chart-abstain = Abstención
chart-consent = Consentimiento
chart-object = Objeción
chart-stand-aside = Hacerse a un lado
chart-block = Bloqueo

chart-answer = Respuesta
chart-option = Opción
chart-votes = Votos
chart-total = Total
chart-result = Resultado
chart-mark-winner = gana
chart-exhausted = Agotados
chart-quota = Cuota

chart-round = Ronda { $round }
chart-stv-round = Ronda { $round } · cuota { $quota }
chart-first-preferences = Primeras preferencias.
chart-irv-elected = { $name } obtiene la mayoría.
chart-irv-excluded = Queda fuera { $name }; esos votos pasan a la siguiente preferencia.
chart-stv-surplus = Se transfiere el excedente de { $name }.
chart-stv-exclusion = Queda fuera { $name }; se transfieren esos votos.
chart-stv-elected = Obtienen puesto en esta ronda: { $names }.
chart-cell-winner = { $votes } (gana)
chart-cell-elected = { $votes } (obtiene puesto)
chart-cell-excluded = { $votes } (queda fuera)
