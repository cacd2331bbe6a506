//! What a link check concludes, decided by pure functions from what the server answered.
//!
//! The crawler ([`super::crawl`]) gathers facts — the final status, the redirect chain, the
//! first bytes of the page — and these functions turn them into a [`Verdict`]. Keeping the
//! decisions here, away from the network, lets every rule be tested on plain values.

use serde::Serialize;

/// The conclusion about one link.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The page answered 2xx at the catalogue's own URL.
    Ok,
    /// The page answered 2xx after redirects: it works, but the catalogue should carry the
    /// final URL.
    Redirected,
    /// A 4xx/5xx answer, or no answer at all (DNS, refused, reset, timeout, redirect loop).
    Broken,
    /// A 2xx page whose address or text says the article is gone.
    #[serde(rename = "soft-404")]
    Soft404,
}

impl Verdict {
    /// The word used in the table and in JSON.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Ok => "ok",
            Verdict::Redirected => "redirected",
            Verdict::Broken => "broken",
            Verdict::Soft404 => "soft-404",
        }
    }

    /// Whether a maintainer must act: the link no longer leads to the resource.
    pub fn is_failure(self) -> bool {
        matches!(self, Verdict::Broken | Verdict::Soft404)
    }
}

/// Why a request got no usable answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailureKind {
    /// No answer within the timeout.
    Timeout,
    /// The host name did not resolve.
    Dns,
    /// The connection was refused.
    Refused,
    /// The connection was reset.
    Reset,
    /// The TLS handshake failed.
    Tls,
    /// A redirect led back to a URL already visited.
    RedirectLoop,
    /// More redirects than the checker follows.
    TooManyRedirects,
    /// A 3xx without a usable `Location`.
    BadRedirect,
    /// Anything else.
    Other,
}

impl FailureKind {
    /// A short phrase for the error column.
    pub fn describe(self) -> &'static str {
        match self {
            FailureKind::Timeout => "timed out",
            FailureKind::Dns => "host name not found",
            FailureKind::Refused => "connection refused",
            FailureKind::Reset => "connection reset",
            FailureKind::Tls => "TLS handshake failed",
            FailureKind::RedirectLoop => "redirect loop",
            FailureKind::TooManyRedirects => "too many redirects",
            FailureKind::BadRedirect => "redirect without a usable Location",
            FailureKind::Other => "request failed",
        }
    }
}

/// Everything the crawler learned about one link, before judgement.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Observation {
    /// The last HTTP status received, if any answer came back.
    pub status: Option<u16>,
    /// How many redirects were followed.
    pub redirects: u32,
    /// Why the check could not complete, if it could not.
    pub failure: Option<FailureKind>,
    /// The site whose "article is gone" page this is, if it is one.
    pub soft_404: Option<&'static str>,
}

/// Judges one link.
pub fn verdict(seen: &Observation) -> Verdict {
    if seen.failure.is_some() {
        return Verdict::Broken;
    }
    match seen.status {
        Some(status) if (200..300).contains(&status) => {
            if seen.soft_404.is_some() {
                Verdict::Soft404
            } else if seen.redirects > 0 {
                Verdict::Redirected
            } else {
                Verdict::Ok
            }
        }
        _ => Verdict::Broken,
    }
}

/// The message for the error column: the failure, a hint for statuses that often mean a
/// bot wall rather than a dead page, or the soft-404's site.
pub fn explain(seen: &Observation) -> Option<String> {
    if let Some(kind) = seen.failure {
        return Some(kind.describe().to_owned());
    }
    if let Some(site) = seen.soft_404 {
        return Some(format!("the page says the article is gone ({site})"));
    }
    match seen.status {
        Some(status @ (403 | 429)) => Some(format!(
            "HTTP {status} (may be bot protection: check in a browser)"
        )),
        Some(status) if !(200..300).contains(&status) => Some(format!("HTTP {status}")),
        None => Some("no answer".to_owned()),
        _ => None,
    }
}

/// Whether a HEAD answer means "ask again with GET": many servers refuse or mishandle HEAD
/// while serving GET fine.
pub fn head_refused(status: Option<u16>, failure: Option<FailureKind>) -> bool {
    matches!(status, Some(403 | 405 | 501)) || failure == Some(FailureKind::Reset)
}

/// Whether a redirect status carries the next hop in `Location`.
pub fn is_redirect(status: u16) -> bool {
    matches!(status, 301 | 302 | 303 | 307 | 308)
}

/// Whether a page of this `Content-Type` can be a soft-404 worth reading (HTML, or unknown).
pub fn worth_reading(content_type: Option<&str>) -> bool {
    content_type.is_none_or(|ct| {
        let ct = ct.to_ascii_lowercase();
        ct.contains("html") || ct.starts_with("text/")
    })
}

/// How a site says "this article is gone" while answering 200.
struct Signature {
    /// The site, as reported to the maintainer.
    site: &'static str,
    /// Prefixes of the final URL's path that only that site's error pages use.
    paths: &'static [&'static str],
    /// Text of the `<title>` of its error page.
    titles: &'static [&'static str],
    /// Distinctive sentences of its error page, anywhere in the first bytes.
    texts: &'static [&'static str],
}

/// The soft-404 pages recognised. Each entry says where its evidence comes from; a site's
/// pattern applies to any host, because the sentences are distinctive and the catalogue's
/// pages may be mirrored or redirected across that site's hosts.
const SIGNATURES: &[Signature] = &[
    // Zhihu's error page: "你似乎来到了没有知识存在的荒原…" (the text public zhihu crawlers
    // test for). Zhihu also serves it with 403 to clients it takes for bots.
    Signature {
        site: "zhihu",
        paths: &[],
        titles: &[],
        texts: &["你似乎来到了没有知识存在的荒原"],
    },
    // CSDN redirects a missing article to blog.csdn.net/error/404.html?from=<the article>.
    Signature {
        site: "csdn",
        paths: &["/error/404"],
        titles: &[],
        texts: &[],
    },
    // cnblogs: its error pages live under /404 or /error/404-style paths and are titled
    // "404 …". Not checked against a live cnblogs page; the shape is the common one.
    Signature {
        site: "cnblogs",
        paths: &["/404"],
        titles: &["404"],
        texts: &[],
    },
    // GitHub: "Page not found · GitHub" is the title of its 404 page, and GitHub Pages says
    // "There isn't a GitHub Pages site here." for a deleted site; disabled repositories
    // (DMCA, staff action) say so in the page.
    Signature {
        site: "github",
        paths: &[],
        titles: &["Page not found · GitHub"],
        texts: &[
            "There isn't a GitHub Pages site here",
            "This repository has been disabled",
            "Repository unavailable due to DMCA takedown",
        ],
    },
];

/// The site whose "article is gone" page this is, from the final URL and the first bytes of
/// the body; `None` for an ordinary page.
pub fn soft_404(final_url: &str, body_prefix: &str) -> Option<&'static str> {
    let path = url::Url::parse(final_url)
        .map(|u| u.path().to_owned())
        .unwrap_or_default();
    let title = title_of(body_prefix);
    SIGNATURES
        .iter()
        .find(|sig| {
            sig.paths.iter().any(|p| path_matches(&path, p))
                || title.is_some_and(|t| sig.titles.iter().any(|want| t.starts_with(want)))
                || sig.texts.iter().any(|text| body_prefix.contains(text))
        })
        .map(|sig| sig.site)
}

/// `/error/404` matches `/error/404`, `/error/404.html` and `/error/404/x`, not `/error/4040`.
fn path_matches(path: &str, prefix: &str) -> bool {
    path.strip_prefix(prefix).is_some_and(|rest| {
        rest.is_empty() || rest.starts_with('.') || rest.starts_with('/') || rest.starts_with('?')
    })
}

/// The text of the first `<title>` element, trimmed; `None` when there is none in the prefix.
pub fn title_of(html: &str) -> Option<&str> {
    let lower = html.to_ascii_lowercase();
    let open = lower.find("<title")?;
    let start = open + lower[open..].find('>')? + 1;
    let end = start + lower[start..].find("</title")?;
    // ASCII lowercasing keeps byte offsets, so they index the original text too.
    Some(html[start..end].trim())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn seen(status: u16) -> Observation {
        Observation {
            status: Some(status),
            ..Observation::default()
        }
    }

    #[test]
    fn statuses_decide_the_verdict() {
        assert_eq!(verdict(&seen(200)), Verdict::Ok);
        assert_eq!(verdict(&seen(204)), Verdict::Ok);
        for status in [400, 403, 404, 410, 429, 500, 503] {
            assert_eq!(verdict(&seen(status)), Verdict::Broken, "{status}");
        }
        // A 3xx as the last answer means the chain was not followed to its end.
        assert_eq!(verdict(&seen(301)), Verdict::Broken);
        assert_eq!(verdict(&Observation::default()), Verdict::Broken);
    }

    #[test]
    fn redirects_and_soft_404s_qualify_a_success() {
        let moved = Observation {
            redirects: 2,
            ..seen(200)
        };
        assert_eq!(verdict(&moved), Verdict::Redirected);
        let gone = Observation {
            soft_404: Some("csdn"),
            ..moved.clone()
        };
        assert_eq!(verdict(&gone), Verdict::Soft404);
        // A soft-404 pattern on an error status is just broken.
        let both = Observation {
            soft_404: Some("zhihu"),
            ..seen(404)
        };
        assert_eq!(verdict(&both), Verdict::Broken);
    }

    #[test]
    fn failures_are_broken_and_explained() {
        for kind in [
            FailureKind::Timeout,
            FailureKind::Dns,
            FailureKind::Refused,
            FailureKind::Reset,
            FailureKind::RedirectLoop,
            FailureKind::TooManyRedirects,
        ] {
            let failed = Observation {
                failure: Some(kind),
                ..Observation::default()
            };
            assert_eq!(verdict(&failed), Verdict::Broken);
            assert_eq!(explain(&failed).as_deref(), Some(kind.describe()));
        }
        assert_eq!(explain(&seen(410)).as_deref(), Some("HTTP 410"));
        assert!(explain(&seen(403)).unwrap().contains("bot protection"));
        assert_eq!(explain(&seen(200)), None);
    }

    #[test]
    fn json_names_match_the_table() {
        for v in [
            Verdict::Ok,
            Verdict::Redirected,
            Verdict::Broken,
            Verdict::Soft404,
        ] {
            assert_eq!(
                serde_json::to_value(v).unwrap(),
                serde_json::Value::from(v.as_str())
            );
        }
    }

    #[test]
    fn only_failures_need_a_maintainer() {
        assert!(Verdict::Broken.is_failure());
        assert!(Verdict::Soft404.is_failure());
        assert!(!Verdict::Redirected.is_failure());
        assert!(!Verdict::Ok.is_failure());
    }

    #[test]
    fn head_refusals_fall_back_to_get() {
        for status in [403, 405, 501] {
            assert!(head_refused(Some(status), None), "{status}");
        }
        assert!(head_refused(None, Some(FailureKind::Reset)));
        assert!(!head_refused(Some(404), None));
        assert!(!head_refused(Some(200), None));
        assert!(!head_refused(None, Some(FailureKind::Timeout)));
    }

    #[test]
    fn redirect_statuses() {
        for status in [301, 302, 303, 307, 308] {
            assert!(is_redirect(status));
        }
        assert!(!is_redirect(304));
        assert!(!is_redirect(300));
        assert!(!is_redirect(200));
    }

    #[test]
    fn only_html_is_read() {
        assert!(worth_reading(None));
        assert!(worth_reading(Some("text/html; charset=utf-8")));
        assert!(worth_reading(Some("application/xhtml+xml")));
        assert!(!worth_reading(Some("application/pdf")));
        assert!(!worth_reading(Some("image/png")));
    }

    #[test]
    fn titles_are_found_in_any_case() {
        assert_eq!(
            title_of("<html><head><TITLE data-x=\"1\"> Hi </TITLE>"),
            Some("Hi")
        );
        assert_eq!(title_of("<title>unterminated"), None);
        assert_eq!(title_of("no title here"), None);
    }

    #[test]
    fn zhihu_says_so_in_its_text() {
        let page = "<html><body><p><strong>你似乎来到了没有知识存在的荒原…</strong></p>";
        assert_eq!(
            soft_404("https://zhuanlan.zhihu.com/p/1", page),
            Some("zhihu")
        );
        assert_eq!(
            soft_404(
                "https://zhuanlan.zhihu.com/p/1",
                "<title>图解LoRA - 知乎</title>"
            ),
            None
        );
    }

    #[test]
    fn csdn_redirects_to_its_error_page() {
        let url = "https://blog.csdn.net/error/404.html?from=https%3a%2f%2fblog.csdn.net%2fx";
        assert_eq!(soft_404(url, "<title>CSDN</title>"), Some("csdn"));
        assert_eq!(
            soft_404("https://blog.csdn.net/u/article/details/404", ""),
            None
        );
    }

    #[test]
    fn cnblogs_error_pages() {
        assert_eq!(
            soft_404("https://www.cnblogs.com/404.html", ""),
            Some("cnblogs")
        );
        assert_eq!(
            soft_404(
                "https://www.cnblogs.com/u/p/1.html",
                "<title>404 - 页面不存在</title>"
            ),
            Some("cnblogs")
        );
        // A post about HTTP 404s is not one.
        assert_eq!(
            soft_404(
                "https://www.cnblogs.com/u/p/1.html",
                "<title>HTTP 404 详解 - 博客园</title>"
            ),
            None
        );
        assert_eq!(soft_404("https://www.cnblogs.com/4040/p/1.html", ""), None);
    }

    #[test]
    fn github_missing_pages() {
        assert_eq!(
            soft_404(
                "https://github.com/a/b",
                "<head><title>Page not found · GitHub · GitHub</title>"
            ),
            Some("github")
        );
        assert_eq!(
            soft_404(
                "https://a.github.io/b/",
                "<h1>There isn't a GitHub Pages site here.</h1>"
            ),
            Some("github")
        );
        assert_eq!(
            soft_404(
                "https://github.com/vllm-project/vllm",
                "<title>GitHub - vllm-project/vllm</title>"
            ),
            None
        );
    }
}
