//! The reader on what the tables write, and on its mistakes.
use super::*;

fn get<'a>(value: &'a Value<'a>, key: &str) -> &'a ValueInner<'a> {
    match value.as_ref() {
        ValueInner::Table(table) => table.get(key).expect("the key").as_ref(),
        _ => panic!("a table"),
    }
}

#[test]
fn reads_what_the_tables_write() {
    let doc = parse(
        "# A table.\n[table]\ncodes = \"every-row\"\nresponses = true\n\n[[cause]]\nconstant = 'A'\ncode = 1_7\nstatus-codes = [\n  486, # busy\n  600,\n]\ndescription = \"\"\"\nOne \\\n   line, \"quoted\".\"\"\"\n[[cause]]\nconstant = \"B\\u00e9\"\n[reason-phrases]\n486 = \"Busy Here\"\n",
    )
    .expect("parses");
    let ValueInner::Table(table) = get(&doc, "table") else {
        panic!()
    };
    assert!(matches!(
        table.get("responses").unwrap().as_ref(),
        ValueInner::Boolean(true)
    ));
    let ValueInner::Array(causes) = get(&doc, "cause") else {
        panic!()
    };
    assert_eq!(causes.len(), 2);
    assert!(matches!(get(&causes[0], "code"), ValueInner::Integer(17)));
    let ValueInner::String(text) = get(&causes[0], "description") else {
        panic!()
    };
    assert_eq!(text, "One line, \"quoted\".");
    let ValueInner::String(name) = get(&causes[1], "constant") else {
        panic!()
    };
    assert_eq!(name, "Bé");
    let ValueInner::Table(phrases) = get(&doc, "reason-phrases") else {
        panic!()
    };
    assert!(phrases.keys().any(|k| k.name == "486"));
}

#[test]
fn numbers_as_toml_writes_them() {
    let value = |text: &str| match parse(&format!("v = {text}")) {
        Ok(doc) => format!("{:?}", get(&doc, "v")),
        Err(e) => e.to_string(),
    };
    assert_eq!(value("0x1F"), "Integer(31)");
    assert_eq!(value("-17"), "Integer(-17)");
    assert_eq!(value("1.5e3"), "Float");
    assert_eq!(value("1e"), "invalid number");
    assert_eq!(value("017"), "invalid number");
    assert_eq!(value("1__0"), "invalid number");
    assert_eq!(value("99999999999999999999"), "invalid number");
    assert_eq!(
        value("busy"),
        "invalid TOML value, did you mean to use a quoted string?"
    );
}

#[test]
fn errors_say_where() {
    let error = |source: &str| {
        let e = parse(source).unwrap_err();
        (e.to_string(), e.span.start)
    };
    assert_eq!(
        error("v = \"a\nb\""),
        ("invalid character in string: `\\n`".into(), 6)
    );
    assert_eq!(error("v = \"abc"), ("unterminated string".into(), 4));
    assert_eq!(error("v = 1\nv = 2"), ("duplicate key: `v`".into(), 6));
    assert_eq!(error("[a]\n[a]"), ("redefinition of table `a`".into(), 4));
    assert_eq!(
        error("v = [1 2]"),
        ("expected a comma, found an identifier".into(), 7)
    );
}
