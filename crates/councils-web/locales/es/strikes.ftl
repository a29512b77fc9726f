# Huelgas: las huelgas de un comité, la página de una huelga, su turno de piquetes y su fondo.
strikes-title = Huelgas
strikes-none = Todavía no hay ninguna huelga.
strike-run-by = La dirige { $committee }
strike-open-title = Abrir una huelga
strike-open-lead = Una huelga se abre con una votación de huelga de este comité ya decidida y aprobada. La dirige un comité de huelga: fúndalo aquí o elija uno que usted organiza.
strike-open-no-vote = Una huelga se abre solo con una votación de huelga de este comité, decidida y aprobada. Primero proponga una votación de huelga en el orden del día del comité.
strike-field-vote = Votación de huelga aprobada
strike-field-title = Nombre de la huelga
strike-field-demands = Demandas
strike-field-demands-hint = Una por línea.
strike-field-currency = Moneda del fondo de huelga
strike-field-currency-hint = Tres letras, por ejemplo USD o MXN.
strike-field-committee = Comité de huelga
strike-field-committee-new = Fundar un comité de huelga nuevo
strike-field-committee-name = Nombre del comité de huelga nuevo
strike-field-committee-slug = Nombre corto del comité de huelga nuevo
strike-open = Abrir la huelga
strike-join-title = Unirse a la huelga de otro comité
strike-join-lead = Con una votación de huelga aprobada de este comité, el comité se une a una huelga y pasa a ser miembro de su comité de huelga, donde elige delegados.
strike-field-join-committee = Comité de huelga
strike-field-join-committee-hint = Su nombre corto, como en su dirección: /c/nombre-corto.
strike-join = Unirse a la huelga
strike-join-unknown = Ningún comité de huelga con ese nombre dirige una huelga.
strike-sections = Secciones de la huelga
strike-page = La huelga
strike-demands = Demandas
strike-committees = Comités
strike-delegates = Delegados al comité de huelga
strike-opened-at = Abierta { $time }
strike-status-change = Estado de la huelga
strike-field-status = Estado
strike-status-save = Guardar el estado
strike-status-active = En huelga
strike-status-suspended = Suspendida
strike-status-won = Ganada
strike-status-ended = Terminada

rota-title = Turnos de piquete
rota-none = Todavía no hay turnos.
rota-gaps = { $people ->
    [one] Falta una persona
   *[other] Faltan { $people } personas
} en { $shifts ->
    [one] un turno
   *[other] { $shifts } turnos
}.
rota-no-gaps = Todos los turnos próximos tienen la gente que necesitan.
rota-signed = { $signed } de { $needed } apuntadas
rota-gap = { $count ->
    [one] falta 1
   *[other] faltan { $count }
}
rota-full = Completo
rota-sign-up = Apuntarme
rota-withdraw = Borrarme
rota-started = Este turno ya empezó.
rota-add = Añadir un turno
rota-field-place = Lugar
rota-field-starts = Empieza
rota-field-starts-hint = Fecha y hora, en UTC.
rota-field-hours = Horas
rota-field-needed = Personas necesarias
rota-add-button = Añadir el turno

fund-title = Fondo de huelga y de apoyo
fund-balance = En el fondo:
fund-pledged = Prometido
fund-outstanding = Prometido y todavía no recibido
fund-received = Recibido
fund-paid = Pagado
fund-pledge-count = { $count ->
    [one] 1 promesa
   *[other] { $count } promesas
}
fund-payment-count = { $count ->
    [one] 1 pago
   *[other] { $count } pagos
}
fund-lead = El fondo lo lleva la tesorería. Los pagos a miembros solo los ven la tesorería y quien los recibe; aquí están los totales, y sus propios pagos si recibió alguno.
fund-lead-treasurer = Usted lleva este fondo. Cada movimiento cuadra en partida doble; los pagos solo los ven usted y quien los recibe.
fund-record = Anotar un movimiento
fund-kind-pledge = Promesa
fund-kind-receipt = Ingreso
fund-kind-payment = Pago
fund-pledge-hint = Una promesa de dinero, todavía no es dinero: cuenta en el fondo cuando se recibe.
fund-field-amount = Cantidad ({ $currency })
fund-field-from = De quién
fund-field-for = Para qué
fund-field-pledge = Cumple la promesa
fund-no-pledge = Sin promesa: una aportación nueva
fund-field-payee = Miembro que recibe el pago (nombre de usuario)
fund-record-pledge = Anotar la promesa
fund-record-receipt = Anotar el ingreso
fund-record-payment = Pagar al miembro
fund-journal = Todos los movimientos
fund-my-payments = Sus pagos
fund-still-owed = faltan { $amount }
fund-entries = Partida doble
fund-report = Informe
fund-account = Cuenta
fund-account-balance = Saldo
fund-books-balance = Las cuentas cuadran: suman cero.
fund-books-unbalanced = Las cuentas no cuadran.
ledger-account-cash = Dinero en el fondo
ledger-account-pledged = Promesas por cobrar
ledger-account-contributions = Aportaciones
ledger-account-payments = Pagos a miembros

error-strike-vote-not-carried = Una huelga se abre solo con una votación de huelga de este comité, decidida y aprobada.
error-strike-vote-used = Esa votación de huelga ya abrió una huelga o se unió a una.
error-strike-already-joined = Este comité ya está en esa huelga.
error-strike-ended = La huelga terminó.
error-strike-missing = Hace falta un nombre, al menos una demanda y un lugar.
error-strike-too-long = Un texto es demasiado largo.
error-strike-too-many-demands = Demasiadas demandas: 20 como máximo.
error-strike-bad-shift = Un turno necesita una hora de inicio por venir, de 1 a 24 horas y al menos una persona.
error-strike-shift-started = Ese turno ya empezó.
error-strike-wrong-kind = Las huelgas las abren los comités de centro de trabajo y las dirigen los comités de huelga.
error-ledger-bad-amount = Una cantidad es mayor que cero, en unidades de la moneda con dos decimales como mucho (25 o 25.50).
error-ledger-bad-currency = Una moneda son tres letras, por ejemplo USD.
error-ledger-wrong-currency = El fondo lleva una sola moneda.
error-ledger-unbalanced = Las partidas de un movimiento deben cuadrar.
error-ledger-overdrawn = El fondo no tiene tanto: el pago lo dejaría en negativo.
error-ledger-pledge-received = Esa promesa ya se recibió entera.

minutes-strike-opened = { $by } abrió una huelga de { $committee }, dirigida por { $strike_committee }.
minutes-strike-joined = { $by } sumó { $committee } a la huelga.
minutes-strike-status-changed = { $by } cambió el estado de la huelga: { $status }.

delivery-title-picket-reminder = Su turno de piquete empieza pronto
