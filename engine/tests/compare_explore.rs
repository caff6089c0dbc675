mod compare_support;
use parallax_engine::compare::compare;
#[test]
fn explore() {
    let arts = compare_support::seed_articles();
    let get = |id: &str| arts.iter().find(|a| a.id == id).unwrap();
    for (x, y) in [("001", "003"), ("001", "004")] {
        let c = compare(&[get(x), get(y)], &Default::default());
        println!("===== {x} vs {y}: {} pairs", c.pairs.len());
        for p in &c.pairs {
            println!("{:.3} | {} || {}", p.score, &p.a_sentence.text.chars().take(90).collect::<String>(), &p.b_sentence.text.chars().take(90).collect::<String>());
            for k in &p.conflicts { println!("      CONFLICT {}", k.explanation); }
        }
        println!("{:?}", c.summary);
        println!("quotes {:?}\nshared {:?}", c.quotes.len(), c.shared.len());
    }
}
