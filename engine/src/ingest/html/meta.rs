//! What a page says about itself: title, site name, author, publication date and canonical URL,
//! from `<meta>` tags (Open Graph, article:*, Dublin Core, parsely), JSON-LD, `<link
//! rel=canonical>`, `<title>`, `<time datetime>` and byline markup. Each value remembers where it
//! was read ("og:site_name") and the raw bytes of the tag it came from.

use serde_json::Value;

use super::dom::{Data, Dom};

/// One metadata value, how it was known and the raw bytes it was read from.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// The value (a date is ISO `YYYY-MM-DD`).
    pub value: String,
    /// Where it was read, e.g. "og:site_name", "JSON-LD datePublished".
    pub how: String,
    /// Raw byte range of the tag or element it came from.
    pub raw: (usize, usize),
}

/// Everything the page states about itself.
#[derive(Debug, Default)]
pub struct PageMeta {
    /// Headline candidates in order of trust (og:title, JSON-LD headline, `<title>`).
    pub titles: Vec<Found>,
    /// The `<title>` element's text.
    pub doc_title: Option<Found>,
    /// The site's name.
    pub site_name: Option<Found>,
    /// The author(s).
    pub byline: Option<Found>,
    /// The publication date.
    pub date: Option<Found>,
    /// The canonical URL.
    pub url: Option<Found>,
    /// JSON-LD `articleBody`, a hint for where the article is.
    pub article_body: Option<String>,
}

/// Reads the page's metadata. `text_of` gives an element's visible text.
pub fn read(dom: &Dom, bytes: &[u8], encoding: &'static encoding_rs::Encoding) -> PageMeta {
    let mut meta = PageMeta::default();
    let mut tags: Vec<(String, String, (usize, usize))> = Vec::new();
    let mut times = Vec::new();
    let mut bylines = Vec::new();
    let mut ld = Vec::new();
    let text = |i: usize| -> String {
        let mut out = String::new();
        for d in std::iter::once(i).chain(dom.descendants(i)) {
            let node = &dom.nodes[d];
            if matches!(node.data, Data::Text { .. }) {
                let (s, _) = encoding.decode_without_bom_handling(&bytes[node.start..node.end]);
                super::entities::decode_into(&s, &mut out);
                out.push(' ');
            }
        }
        out.split_whitespace().collect::<Vec<_>>().join(" ")
    };
    for (i, node) in dom.nodes.iter().enumerate() {
        let Data::Element(e) = &node.data else { continue };
        let raw = (node.start, node.end);
        match &*e.name {
            "meta" => {
                let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop"));
                if let (Some(key), Some(content)) = (key, e.attr("content")) {
                    let content = content.trim();
                    if !content.is_empty() {
                        tags.push((key.to_ascii_lowercase(), content.to_string(), raw));
                    }
                }
            }
            "link" => {
                let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                if rel.split_whitespace().any(|r| r == "canonical") {
                    if let Some(href) = e.attr("href").filter(|h| h.starts_with("http")) {
                        tags.push(("canonical".into(), href.trim().to_string(), raw));
                    }
                }
            }
            "title" if meta.doc_title.is_none() && !dom.ancestors(i).any(|a| dom.name(a) == "svg") => {
                let t = text(i);
                if !t.is_empty() {
                    meta.doc_title = Some(Found { value: t, how: "<title>".into(), raw });
                }
            }
            "script" if e.attr("type").is_some_and(|t| t.eq_ignore_ascii_case("application/ld+json")) => {
                if let Some(&c) = node.children.first() {
                    let n = &dom.nodes[c];
                    let src = String::from_utf8_lossy(&bytes[n.start..n.end]);
                    if let Ok(value) = serde_json::from_str::<Value>(unwrap_script(&src)) {
                        ld.push((value, raw));
                    }
                }
            }
            "time" => {
                if let Some(date) = e.attr("datetime").and_then(iso_date) {
                    let published = e.attr("itemprop").is_some_and(|p| p.contains("datePublished"))
                        || e.attr("pubdate").is_some()
                        || e.attr("class").is_some_and(|c| c.contains("publish"));
                    times.push((published, date, raw));
                }
            }
            _ => {
                let rel_author = e.attr("rel").is_some_and(|r| r.contains("author"));
                let prop_author = e.attr("itemprop").is_some_and(|p| p.contains("author"));
                let class = format!("{} {}", e.attr("class").unwrap_or(""), e.attr("id").unwrap_or(""))
                    .to_ascii_lowercase();
                if bylines.is_empty()
                    && (rel_author || prop_author || class.contains("byline") || class.contains("author"))
                {
                    let t = text(i);
                    let t = strip_by(&t);
                    if (3..100).contains(&t.chars().count()) {
                        let how = if rel_author {
                            "rel=author link"
                        } else if prop_author {
                            "itemprop=author"
                        } else {
                            "byline markup"
                        };
                        bylines.push(Found { value: t.to_string(), how: how.into(), raw });
                    }
                }
            }
        }
    }
    let tag = |keys: &[&str]| -> Option<Found> {
        keys.iter().find_map(|k| {
            tags.iter().find(|(name, _, _)| name == k).map(|(name, value, raw)| Found {
                value: value.clone(),
                how: name.clone(),
                raw: *raw,
            })
        })
    };
    let mut ld_fields = LdFields::default();
    for (value, raw) in &ld {
        ld_fields.read(value, *raw, 0);
    }

    if let Some(t) = tag(&["og:title", "twitter:title"]) {
        meta.titles.push(t);
    }
    meta.titles.extend(ld_fields.headline.clone());
    meta.titles.extend(meta.doc_title.clone());

    meta.site_name = tag(&["og:site_name", "application-name", "al:android:app_name", "al:iphone:app_name"])
        .or(ld_fields.publisher.clone());
    meta.url = tag(&["canonical", "og:url"]).or(ld_fields.url.clone());
    meta.byline =
        tag(&["author", "article:author", "dc.creator", "sailthru.author", "parsely-author", "byl"])
            .filter(|f| !f.value.starts_with("http"))
            .map(|mut f| {
                f.value = strip_by(&f.value).to_string();
                f
            })
            .or(ld_fields.author.clone())
            .or_else(|| bylines.into_iter().next());
    let date_tag = tag(&[
        "article:published_time",
        "og:article:published_time",
        "datepublished",
        "date",
        "pubdate",
        "publishdate",
        "publish-date",
        "dc.date",
        "dc.date.issued",
        "dcterms.created",
        "parsely-pub-date",
        "sailthru.date",
        "article.published",
        "published-date",
    ])
    .and_then(|f| Some(Found { value: iso_date(&f.value)?, ..f }));
    // JSON-LD's datePublished names the article's own date; pages often fill
    // article:published_time with the last update instead.
    meta.date = ld_fields.date.clone().or(date_tag).or_else(|| {
        let pick = times.iter().find(|t| t.0).or(times.first())?;
        Some(Found { value: pick.1.clone(), how: "<time datetime>".into(), raw: pick.2 })
    });
    meta.article_body = ld_fields.body;
    meta
}

#[derive(Default)]
struct LdFields {
    headline: Option<Found>,
    publisher: Option<Found>,
    author: Option<Found>,
    date: Option<Found>,
    url: Option<Found>,
    body: Option<String>,
}

const ARTICLE_TYPES: &[&str] = &[
    "Article",
    "NewsArticle",
    "BlogPosting",
    "ReportageNewsArticle",
    "AnalysisNewsArticle",
    "OpinionNewsArticle",
    "Report",
    "ScholarlyArticle",
    "LiveBlogPosting",
    "TechArticle",
    "WebPage",
    "SocialMediaPosting",
];

impl LdFields {
    fn read(&mut self, value: &Value, raw: (usize, usize), depth: usize) {
        if depth > 6 {
            return;
        }
        match value {
            Value::Array(items) => items.iter().for_each(|v| self.read(v, raw, depth + 1)),
            Value::Object(map) => {
                if let Some(graph) = map.get("@graph") {
                    self.read(graph, raw, depth + 1);
                }
                let types: Vec<&str> = match map.get("@type") {
                    Some(Value::String(s)) => vec![s.as_str()],
                    Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
                    _ => Vec::new(),
                };
                if !types.iter().any(|t| ARTICLE_TYPES.contains(t)) {
                    return;
                }
                let web_page = types.iter().all(|t| *t == "WebPage");
                let found = |v: String, how: &str| Found { value: v, how: format!("JSON-LD {how}"), raw };
                let str_of =
                    |key: &str| map.get(key).and_then(Value::as_str).map(str::trim).filter(|s| !s.is_empty());
                if self.headline.is_none() && !web_page {
                    self.headline = str_of("headline").map(|h| found(super::entities::decode(h), "headline"));
                }
                if self.date.is_none() {
                    self.date = str_of("datePublished")
                        .and_then(iso_date)
                        .map(|d| found(d, "datePublished"))
                        .or_else(|| {
                            str_of("dateCreated").and_then(iso_date).map(|d| found(d, "dateCreated"))
                        });
                }
                if self.publisher.is_none() {
                    self.publisher = name_of(map.get("publisher")).map(|n| found(n, "publisher"));
                }
                if self.author.is_none() && !web_page {
                    self.author = name_of(map.get("author")).map(|n| found(n, "author"));
                }
                if self.url.is_none() {
                    self.url =
                        str_of("url").filter(|u| u.starts_with("http")).map(|u| found(u.to_string(), "url"));
                }
                if self.body.is_none() {
                    self.body = str_of("articleBody").map(str::to_string);
                }
            }
            _ => {}
        }
    }
}

/// A script's JSON without the wrappers pages put around it for old browsers: `<!-- … -->`,
/// `<![CDATA[ … ]]>`, with or without `//` or `/* */` comment marks.
fn unwrap_script(src: &str) -> &str {
    let mut t = src.trim();
    loop {
        let before = t.len();
        for open in ["<!--", "//<![CDATA[", "/*<![CDATA[*/", "<![CDATA["] {
            t = t.strip_prefix(open).unwrap_or(t).trim_start();
        }
        for close in ["-->", "//]]>", "/*]]>*/", "]]>"] {
            t = t.strip_suffix(close).unwrap_or(t).trim_end();
        }
        if t.len() == before {
            return t;
        }
    }
}

/// A person's or organisation's name: a string, `{"name": ...}`, or a list of them.
fn name_of(value: Option<&Value>) -> Option<String> {
    match value? {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty() && !s.starts_with("http")),
        Value::Object(map) => name_of(map.get("name")),
        Value::Array(items) => {
            let names: Vec<String> = items.iter().filter_map(|v| name_of(Some(v))).collect();
            (!names.is_empty()).then(|| names.join(", "))
        }
        _ => None,
    }
}

fn strip_by(text: &str) -> &str {
    let t = text.trim();
    for prefix in ["By ", "by ", "BY ", "By: ", "Written by "] {
        if let Some(rest) = t.strip_prefix(prefix) {
            return rest.trim();
        }
    }
    t
}

/// An ISO `YYYY-MM-DD` date from `2021-07-27T10:00:00Z`, `2021/07/27`, `20210727`, `July 27, 2021`
/// or `27 July 2021`.
pub fn iso_date(text: &str) -> Option<String> {
    let t = text.trim();
    let digits: Vec<u32> = t
        .split(|c: char| !c.is_ascii_digit())
        .filter(|s| !s.is_empty())
        .take(3)
        .map(|s| s.parse().unwrap_or(0))
        .collect();
    let ymd = |y: u32, m: u32, d: u32| -> Option<String> {
        ((1900..=2100).contains(&y) && (1..=12).contains(&m) && (1..=31).contains(&d))
            .then(|| format!("{y:04}-{m:02}-{d:02}"))
    };
    if t.len() >= 8 && t.as_bytes()[..4].iter().all(u8::is_ascii_digit) {
        if t.as_bytes()[..8].iter().all(u8::is_ascii_digit) {
            let n: u32 = t[..8].parse().ok()?;
            return ymd(n / 10000, n / 100 % 100, n % 100);
        }
        if let [y, m, d, ..] = digits[..] {
            return ymd(y, m, d);
        }
    }
    let lower = t.to_ascii_lowercase();
    let month = lower.split(|c: char| !c.is_ascii_alphabetic()).find_map(crate::text::month_number)?;
    let numbers: Vec<u32> = digits.clone();
    let year = numbers.iter().copied().find(|n| (1900..=2100).contains(n))?;
    let day = numbers.iter().copied().find(|n| (1..=31).contains(n))?;
    ymd(year, month, day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn json_ld_wrapped_in_cdata_is_read() {
        for wrapped in [
            "<![CDATA[ {\"a\":1} ]]>",
            "//<![CDATA[\n{\"a\":1}\n//]]>",
            "/*<![CDATA[*/ {\"a\":1} /*]]>*/",
            "<!-- <![CDATA[ {\"a\":1} ]]> -->",
            "{\"a\":1}",
        ] {
            assert_eq!(unwrap_script(wrapped), "{\"a\":1}", "{wrapped}");
        }
    }

    #[test]
    fn json_ld_date_published_wins_over_an_updated_meta_tag() {
        let html = r#"<html><head><meta property="article:published_time" content="2015-12-11T14:28:34Z"><script type="application/ld+json"><![CDATA[{"@type":"NewsArticle","datePublished":"2015-10-15T02:19:15.607Z"}]]></script></head><body><p>x</p></body></html>"#;
        let dom = crate::ingest::html::dom::parse(html.as_bytes(), encoding_rs::UTF_8);
        let meta = read(&dom, html.as_bytes(), encoding_rs::UTF_8);
        let date = meta.date.expect("a date");
        assert_eq!(date.value, "2015-10-15");
        assert_eq!(date.how, "JSON-LD datePublished");
    }

    #[test]
    fn dates_in_the_shapes_pages_use() {
        assert_eq!(iso_date("2021-07-27T10:00:00+03:00").as_deref(), Some("2021-07-27"));
        assert_eq!(iso_date("2021/7/27").as_deref(), Some("2021-07-27"));
        assert_eq!(iso_date("20210727").as_deref(), Some("2021-07-27"));
        assert_eq!(iso_date("July 27, 2021").as_deref(), Some("2021-07-27"));
        assert_eq!(iso_date("Tue 27 Jul 2021 10:00 BST").as_deref(), Some("2021-07-27"));
        assert_eq!(iso_date("yesterday"), None);
    }

    #[test]
    fn json_ld_graphs_give_publisher_author_and_date() {
        let html = r#"<script type="application/ld+json">{"@graph":[{"@type":"WebSite","name":"x"},{"@type":"NewsArticle","headline":"H","datePublished":"2020-01-02","author":[{"@type":"Person","name":"A One"},{"name":"B Two"}],"publisher":{"@type":"Organization","name":"The Paper"}}]}</script>"#;
        let dom = super::super::dom::parse(html.as_bytes(), encoding_rs::UTF_8);
        let meta = read(&dom, html.as_bytes(), encoding_rs::UTF_8);
        assert_eq!(
            meta.site_name.map(|f| (f.value, f.how)),
            Some(("The Paper".into(), "JSON-LD publisher".into()))
        );
        assert_eq!(meta.byline.map(|f| f.value).as_deref(), Some("A One, B Two"));
        assert_eq!(meta.date.map(|f| f.value).as_deref(), Some("2020-01-02"));
    }
}
