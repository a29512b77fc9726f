# Enmiendas sometidas a votación del consejo, y las reglas por defecto de las mociones nuevas.

amendment-voting = En votación
amendment-put-to-vote = Someter a votación del consejo
amendment-vote-open = El consejo la está votando: votar
amendment-vote-result = Ver la votación del consejo sobre ella
amendment-pending-hint = La votación de esta moción se abre cuando se decidan las votaciones de sus enmiendas.
amendment-vote-of = Esta es la votación del consejo sobre una enmienda. Si se aprueba, el texto de abajo reemplaza el texto de la moción en { $language }.
amendment-vote-see-motion = Ver la moción
error-amendment-pending = Se está votando una enmienda a esta moción. La votación de la moción se abre cuando se decida esa votación.
minutes-amendment-put-to-vote = { $by } sometió una enmienda a votación del consejo.
minutes-amendment-voted = El consejo { $result } una enmienda.
minutes-amendment-voted-accepted = aprobó
minutes-amendment-voted-rejected = rechazó
minutes-motion-defaults-changed = { $by } cambió las reglas por defecto de las mociones nuevas.

motion-defaults-title = Reglas por defecto de las mociones
motion-defaults-intro = Las mociones nuevas empiezan con estas reglas, y las enmiendas se votan con ellas. Quien propone una moción puede cambiar sus reglas.
motion-defaults-save = Guardar las reglas
