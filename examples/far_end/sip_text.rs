//! SIP as text, for the far end of the gateway tests and the abuse test: a message's start
//! line and headers, and a response built from a request. Enough for a test peer, no SIP stack.

/// A response to `request`: its Via, From, To (with `to_tag` added if it has none), Call-ID
/// and CSeq, the status line `code phrase`, and `headers`.
pub fn response(
    request: &SipMessage<'_>,
    code: u16,
    phrase: &str,
    headers: &[String],
    body: &str,
    to_tag: Option<&str>,
) -> String {
    let mut text = format!("SIP/2.0 {code} {phrase}\r\n");
    for via in request.headers_named("Via") {
        text.push_str(&format!("Via: {via}\r\n"));
    }
    let to = request.header("To").unwrap_or_default();
    let to = match to_tag {
        Some(tag) if !to.contains(";tag=") => format!("{to};tag={tag}"),
        _ => to.to_owned(),
    };
    for (name, value) in [
        ("From", request.header("From").unwrap_or_default()),
        ("To", &to),
        ("Call-ID", request.header("Call-ID").unwrap_or_default()),
        ("CSeq", request.header("CSeq").unwrap_or_default()),
    ] {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    for header in headers {
        text.push_str(header);
        text.push_str("\r\n");
    }
    text.push_str(&format!("Content-Length: {}\r\n\r\n{body}", body.len()));
    text
}

/// A SIP message as text: its start line and headers (compact names expanded), no more.
pub struct SipMessage<'a> {
    pub text: &'a str,
    pub start: &'a str,
    headers: Vec<(&'a str, &'a str)>,
}

impl<'a> SipMessage<'a> {
    /// The message's start line and headers; `None` where the start line is neither a request
    /// line (`METHOD URI SIP/2.0`) nor a status line (`SIP/2.0 CODE ...`).
    pub fn parse(text: &'a str) -> Option<SipMessage<'a>> {
        let head = text.split_once("\r\n\r\n").map_or(text, |(head, _)| head);
        let mut lines = head.split("\r\n");
        let start = lines.next()?;
        if !is_start_line(start) {
            return None;
        }
        let headers = lines
            .filter_map(|line| line.split_once(':'))
            .map(|(name, value)| (full_name(name.trim()), value.trim()))
            .collect();
        Some(SipMessage {
            text,
            start,
            headers,
        })
    }

    /// The method of a request; `None` for a response.
    pub fn method(&self) -> Option<&'a str> {
        (!self.start.starts_with("SIP/"))
            .then(|| self.start.split(' ').next())
            .flatten()
    }

    pub fn header(&self, name: &str) -> Option<&'a str> {
        self.headers_named(name).next()
    }

    /// What follows the blank line after the headers (empty where there is none).
    pub fn body(&self) -> &'a str {
        self.text
            .split_once("\r\n\r\n")
            .map_or("", |(_, body)| body)
    }

    /// Every value of a header, a header line with commas counting as one value.
    pub fn headers_named(&self, name: &str) -> impl Iterator<Item = &'a str> {
        let name = name.to_owned();
        self.headers
            .clone()
            .into_iter()
            .filter(move |(n, _)| n.eq_ignore_ascii_case(&name))
            .map(|(_, v)| v)
    }

    pub fn target_user(&self) -> Option<&'a str> {
        uri_user(self.start.split(' ').nth(1)?)
    }

    pub fn caller_user(&self) -> Option<&'a str> {
        uri_user(self.header("From")?)
    }
}

/// `INVITE sip:x@host SIP/2.0` or `SIP/2.0 200 OK`.
fn is_start_line(line: &str) -> bool {
    let parts: Vec<&str> = line.split(' ').collect();
    let token = |t: &str| {
        !t.is_empty()
            && t.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-.!%*_+`'~".contains(&b))
    };
    match parts.as_slice() {
        ["SIP/2.0", code, ..] => code.len() == 3 && code.bytes().all(|b| b.is_ascii_digit()),
        [method, uri, "SIP/2.0"] => token(method) && uri.contains(':'),
        _ => false,
    }
}

/// The URI of a name-addr (`"x" <sip:a@host>;expires=60` gives `sip:a@host`), or the whole
/// value where it has no angle brackets.
pub fn addr_uri(value: &str) -> &str {
    value
        .split_once('<')
        .and_then(|(_, rest)| rest.split_once('>'))
        .map_or(value, |(uri, _)| uri)
}

/// `BUSY` of `sip:BUSY@127.0.0.1` or `"x" <sip:BUSY@host>;tag=1`.
pub fn uri_user(text: &str) -> Option<&str> {
    let after = text.split_once("sip:")?.1;
    after.split_once('@').map(|(user, _)| user)
}

fn full_name(name: &str) -> &str {
    match name {
        "v" => "Via",
        "f" => "From",
        "t" => "To",
        "i" => "Call-ID",
        "m" => "Contact",
        "l" => "Content-Length",
        "c" => "Content-Type",
        other => other,
    }
}
