//! How long one leaflet takes to typeset: the seed leaflet (about 750 words) in English and
//! Spanish, side by side on A4 and one language a page on US Letter.

use councils_leaflet::{Layout, Leaflet, LeafletText, Paper, render};
use criterion::{Criterion, criterion_group, criterion_main};

fn text(words: &str, n: usize) -> String {
    (0..n).map(|_| words).collect::<Vec<_>>().join("\n\n")
}

fn leaflet(paper: Paper, layout: Layout) -> Leaflet {
    let en = "The fight against the brutal deportations has begun! Assaults directed towards \
              migrant workers are assaults against all workers. Workers everywhere must be \
              prepared to defend themselves, their neighbors, and their coworkers.";
    let es = "¡La lucha contra las deportaciones brutales ha comenzado! Los ataques contra los \
              trabajadores migrantes son ataques contra todos los trabajadores.";
    Leaflet {
        council: "World Council of Workers' Councils".into(),
        date: "11 June 2025".into(),
        paper,
        layout,
        texts: vec![
            LeafletText {
                language: "en".into(),
                title: "No War but the Class War".into(),
                body: text(en, 20),
            },
            LeafletText {
                language: "es".into(),
                title: "Ninguna guerra sino la guerra de clases".into(),
                body: text(es, 24),
            },
        ],
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("leaflet");
    group.sample_size(20);
    let side = leaflet(Paper::A4, Layout::SideBySide);
    let pages = leaflet(Paper::UsLetter, Layout::PagePerLanguage);
    // The first render parses the fonts; measure the steady state, as a server sees it.
    render(&side).unwrap();
    group.bench_function("side_by_side_a4", |b| b.iter(|| render(&side).unwrap()));
    group.bench_function("page_per_language_letter", |b| {
        b.iter(|| render(&pages).unwrap())
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
