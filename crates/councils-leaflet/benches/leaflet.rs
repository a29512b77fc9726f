//! How long one leaflet takes to typeset: the seed leaflet (about 750 words) in English and
//! Spanish, side by side on A4 and one language a page on US Letter. Typst memoises what it
//! laid out before, so the same leaflet again (a second download) is measured apart from a
//! leaflet whose every paragraph is new (its first download).

use std::sync::atomic::{AtomicUsize, Ordering};

use councils_leaflet::{Layout, Leaflet, LeafletText, Paper, render};
use criterion::{Criterion, criterion_group, criterion_main};

fn text(words: &str, n: usize, edition: usize) -> String {
    (0..n)
        .map(|i| format!("{edition}.{i}. {words}"))
        .collect::<Vec<_>>()
        .join("\n\n")
}

fn leaflet(paper: Paper, layout: Layout, edition: usize) -> Leaflet {
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
                body: text(en, 20, edition),
            },
            LeafletText {
                language: "es".into(),
                title: "Ninguna guerra sino la guerra de clases".into(),
                body: text(es, 24, edition),
            },
        ],
    }
}

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("leaflet");
    group.sample_size(20);
    let side = leaflet(Paper::A4, Layout::SideBySide, 0);
    let pages = leaflet(Paper::UsLetter, Layout::PagePerLanguage, 0);
    // The first render parses the fonts; measure the steady state, as a server sees it.
    render(&side).unwrap();
    group.bench_function("again_side_by_side_a4", |b| {
        b.iter(|| render(&side).unwrap())
    });
    group.bench_function("again_page_per_language_letter", |b| {
        b.iter(|| render(&pages).unwrap())
    });
    let editions = AtomicUsize::new(1);
    let next = || editions.fetch_add(1, Ordering::Relaxed);
    group.bench_function("new_side_by_side_a4", |b| {
        b.iter_batched(
            || leaflet(Paper::A4, Layout::SideBySide, next()),
            |l| render(&l).unwrap(),
            criterion::BatchSize::SmallInput,
        )
    });
    group.bench_function("new_page_per_language_letter", |b| {
        b.iter_batched(
            || leaflet(Paper::UsLetter, Layout::PagePerLanguage, next()),
            |l| render(&l).unwrap(),
            criterion::BatchSize::SmallInput,
        )
    });
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
