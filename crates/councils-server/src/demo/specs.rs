//! The demo federation's councils and the words its members' handles are made of.

use councils_domain::CouncilKind;

/// One council of the demo.
pub(super) struct Spec {
    pub(super) slug: &'static str,
    pub(super) kind: CouncilKind,
    pub(super) en: (&'static str, &'static str),
    pub(super) es: (&'static str, &'static str),
    /// Direct members of a base committee (0 for higher councils, made of delegates).
    pub(super) members: usize,
    /// The first organiser's handle, easy to remember.
    pub(super) organiser: &'static str,
    pub(super) vouches: u32,
    pub(super) members_per_delegate: u32,
    pub(super) parents: &'static [&'static str],
}

pub(super) const SPECS: &[Spec] = &[
    Spec {
        slug: "world-council",
        kind: CouncilKind::WorldCouncil,
        en: (
            "World Council of Workers' Councils",
            "Delegates of regional and city councils of every country.",
        ),
        es: (
            "Consejo Mundial de Consejos Obreros",
            "Delegados de consejos regionales y de ciudad de todos los países.",
        ),
        members: 0,
        organiser: "",
        vouches: 0,
        members_per_delegate: 500,
        parents: &[],
    },
    Spec {
        slug: "southern-california",
        kind: CouncilKind::RegionalCouncil,
        en: (
            "Southern California Regional Council",
            "City councils of Southern California.",
        ),
        es: (
            "Consejo Regional del Sur de California",
            "Consejos de ciudad del sur de California.",
        ),
        members: 0,
        organiser: "",
        vouches: 0,
        members_per_delegate: 100,
        parents: &["world-council"],
    },
    Spec {
        slug: "los-angeles",
        kind: CouncilKind::CityCouncil,
        en: (
            "Los Angeles City Council of Workers",
            "Delegates of the workplace and neighbourhood committees of Los Angeles.",
        ),
        es: (
            "Consejo Obrero de la Ciudad de Los Ángeles",
            "Delegados de los comités de trabajo y de barrio de Los Ángeles.",
        ),
        members: 0,
        organiser: "",
        vouches: 0,
        members_per_delegate: 30,
        parents: &["southern-california"],
    },
    Spec {
        slug: "chicago",
        kind: CouncilKind::CityCouncil,
        en: (
            "Chicago City Council of Workers",
            "Delegates of the committees of Chicago.",
        ),
        es: (
            "Consejo Obrero de la Ciudad de Chicago",
            "Delegados de los comités de Chicago.",
        ),
        members: 0,
        organiser: "",
        vouches: 0,
        members_per_delegate: 25,
        parents: &["world-council"],
    },
    Spec {
        slug: "tijuana",
        kind: CouncilKind::CityCouncil,
        en: (
            "Tijuana City Council of Workers",
            "Delegates of the maquila and neighbourhood committees of Tijuana.",
        ),
        es: (
            "Consejo Obrero de la Ciudad de Tijuana",
            "Delegados de los comités de maquila y de barrio de Tijuana.",
        ),
        members: 0,
        organiser: "",
        vouches: 0,
        members_per_delegate: 25,
        parents: &["world-council"],
    },
    Spec {
        slug: "boyle-heights",
        kind: CouncilKind::NeighbourhoodCommittee,
        en: (
            "Boyle Heights Neighbourhood Committee",
            "Rapid response and mutual defence in Boyle Heights.",
        ),
        es: (
            "Comité de Barrio de Boyle Heights",
            "Respuesta rápida y defensa mutua en Boyle Heights.",
        ),
        members: 45,
        organiser: "marisol",
        vouches: 2,
        members_per_delegate: 25,
        parents: &["los-angeles"],
    },
    Spec {
        slug: "pico-union",
        kind: CouncilKind::NeighbourhoodCommittee,
        en: (
            "Pico-Union Neighbourhood Committee",
            "Neighbours of Pico-Union and Westlake.",
        ),
        es: (
            "Comité de Barrio de Pico-Union",
            "Vecinas y vecinos de Pico-Union y Westlake.",
        ),
        members: 38,
        organiser: "chuy",
        vouches: 2,
        members_per_delegate: 25,
        parents: &["los-angeles"],
    },
    Spec {
        slug: "south-la",
        kind: CouncilKind::NeighbourhoodCommittee,
        en: (
            "South LA Neighbourhood Committee",
            "Black and Latino neighbours of South Los Angeles.",
        ),
        es: (
            "Comité de Barrio del Sur de LA",
            "Vecinos negros y latinos del sur de Los Ángeles.",
        ),
        members: 30,
        organiser: "dee",
        vouches: 1,
        members_per_delegate: 25,
        parents: &["los-angeles"],
    },
    Spec {
        slug: "garment-workers",
        kind: CouncilKind::WorkplaceCommittee,
        en: (
            "Garment Workers of the Fashion District",
            "Sewing shops of downtown LA: wage theft, piece rates, heat.",
        ),
        es: (
            "Costureras del Fashion District",
            "Talleres de costura del centro: robo de salarios, pago a destajo, calor.",
        ),
        members: 52,
        organiser: "rosa",
        vouches: 1,
        members_per_delegate: 25,
        parents: &["los-angeles"],
    },
    Spec {
        slug: "warehouse-workers",
        kind: CouncilKind::WorkplaceCommittee,
        en: (
            "Inland Empire Warehouse Workers",
            "Warehouses of Ontario and Fontana.",
        ),
        es: (
            "Trabajadores de Almacén del Inland Empire",
            "Almacenes de Ontario y Fontana.",
        ),
        members: 60,
        organiser: "dmitri",
        vouches: 0,
        members_per_delegate: 25,
        parents: &["los-angeles", "warehouse-strike"],
    },
    Spec {
        slug: "car-wash-workers",
        kind: CouncilKind::WorkplaceCommittee,
        en: (
            "Car Wash Workers of Culver City",
            "Car washes of the Westside.",
        ),
        es: (
            "Trabajadores de Autolavado de Culver City",
            "Autolavados del Westside.",
        ),
        members: 18,
        organiser: "nacho",
        vouches: 1,
        members_per_delegate: 25,
        parents: &["los-angeles"],
    },
    Spec {
        slug: "restaurant-workers",
        kind: CouncilKind::WorkplaceCommittee,
        en: (
            "Koreatown Restaurant Workers",
            "Kitchens and dining rooms of Koreatown.",
        ),
        es: (
            "Trabajadores de Restaurantes de Koreatown",
            "Cocinas y comedores de Koreatown.",
        ),
        members: 24,
        organiser: "minji",
        vouches: 1,
        members_per_delegate: 25,
        parents: &["los-angeles"],
    },
    Spec {
        slug: "warehouse-strike",
        kind: CouncilKind::StrikeCommittee,
        en: (
            "Warehouse Strike Committee",
            "Strike committee of the Inland Empire warehouses.",
        ),
        es: (
            "Comité de Huelga de Almacenes",
            "Comité de huelga de los almacenes del Inland Empire.",
        ),
        members: 0,
        organiser: "",
        vouches: 0,
        members_per_delegate: 10,
        parents: &["los-angeles"],
    },
    Spec {
        slug: "pilsen",
        kind: CouncilKind::NeighbourhoodCommittee,
        en: (
            "Pilsen Neighbourhood Committee",
            "Rapid response in Pilsen and Little Village.",
        ),
        es: (
            "Comité de Barrio de Pilsen",
            "Respuesta rápida en Pilsen y La Villita.",
        ),
        members: 28,
        organiser: "yoli",
        vouches: 2,
        members_per_delegate: 25,
        parents: &["chicago"],
    },
    Spec {
        slug: "meatpacking-workers",
        kind: CouncilKind::WorkplaceCommittee,
        en: (
            "Back of the Yards Meatpacking Workers",
            "Meat and poultry plants of the South Side.",
        ),
        es: (
            "Trabajadores de Empacadoras de Back of the Yards",
            "Plantas de carne y pollo del South Side.",
        ),
        members: 35,
        organiser: "wanda",
        vouches: 0,
        members_per_delegate: 25,
        parents: &["chicago"],
    },
    Spec {
        slug: "maquila-workers",
        kind: CouncilKind::WorkplaceCommittee,
        en: (
            "Tijuana Maquila Workers",
            "Assembly plants of Otay and El Florido.",
        ),
        es: (
            "Obreras de la Maquila de Tijuana",
            "Plantas de ensamble de Otay y El Florido.",
        ),
        members: 26,
        organiser: "citlali",
        vouches: 1,
        members_per_delegate: 25,
        parents: &["tijuana"],
    },
];

pub(super) const SPANISH_WORDS: &[&str] = &[
    "luz",
    "paloma",
    "chayo",
    "lupe",
    "beto",
    "yadira",
    "toño",
    "flaca",
    "cielo",
    "sol",
    "quetzal",
    "colibri",
    "tigre",
    "nopal",
    "jacaranda",
    "brisa",
    "canela",
    "alondra",
    "trueno",
    "milpa",
    "girasol",
    "ceiba",
    "tlaloc",
    "xochitl",
];
pub(super) const ENGLISH_WORDS: &[&str] = &[
    "maple", "robin", "sparrow", "oak", "river", "jay", "birch", "wren", "finch", "ash", "lark",
    "cedar", "heron", "willow", "flint", "harbor", "ember", "clover", "granite", "piper",
];
