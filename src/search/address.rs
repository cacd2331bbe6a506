//! Stage 0, before normalising: web addresses, repository ids and arXiv numbers pasted into a
//! message.
//!
//! People paste what is on their screen and ask around it: "`https://github.com/hiyouga/LLaMA-Factory`
//! 这个怎么用", "Qwen/Qwen2.5-7B-Instruct 能用 vllm 跑吗", "arXiv:2106.09685 有中文解读吗". Read as text, an address is noise the catalogue half knows ("https" reads as http, a
//! web framework's keyword; "com", "org", "abs"), its digits are words that name nothing, and
//! its slashes cut the message into a list. So each address becomes the words it carries:
//!
//! - one of the catalogue's own addresses, or a page under it, becomes the name of that
//!   resource's topic: the message asks about what the resource teaches;
//! - an arXiv number the catalogue knows (a resource's paper, or one of a topic's `papers`)
//!   becomes its topic's name; one it does not know is dropped, as a number naming nothing;
//! - any other address becomes the name of its site, unless the catalogue's resources live
//!   there too (a Zhihu or GitHub link says nothing of its topic, a civitai or nytimes link
//!   does), followed by the words of its path, without what every site's addresses have (www,
//!   com, blob/main, index.html, numbers and ids).
//!
//! A repository or model id written owner/name ("THUDM/chatglm3-6b") is one name, not a list
//! of two; a pair of plain words ("lora/qlora", "TP/PP") stays a list. A model id keeps its
//! family, size and what was done to it ("Qwen2.5-14B-Instruct" → "Qwen 14B",
//! "Llama-2-7B-Chat-GPTQ" → "Llama 7B GPTQ"): its version and its release's tag name no topic,
//! and as words of their own they outweighed the question asked around the id.

use std::borrow::Cow;

use url::Url;

use super::rank;
use crate::catalogue::{self, Catalogue, TopicIdx};

/// Sites that give each project its own subdomain: there the subdomain is the site's name
/// ("jalammar.github.io" is Jay Alammar's blog, "lmdeploy.readthedocs.io" LMDeploy's docs).
const SHARED_HOSTS: &[&str] = &[
    "github.io",
    "gitee.io",
    "gitbook.io",
    "readthedocs.io",
    "vercel.app",
    "netlify.app",
    "pages.dev",
    "blogspot.com",
    "substack.com",
];
/// Second-level labels that are part of a country's suffix ("blog.example.com.cn").
const SECOND_LEVEL: &[&str] = &["com", "co", "org", "net", "edu", "gov", "ac"];
/// Endings that make a word with a dot a bare site name ("huggingface.co/…", "arxiv.org/…")
/// rather than a file ("llama.cpp", "config.json") or a name ("LLM.int8").
const SITE_ENDINGS: &[&str] = &[
    "com", "org", "net", "io", "ai", "co", "cn", "dev", "edu", "gov", "me", "app", "tv", "jp",
    "uk", "de", "fr", "info", "xyz", "top", "so", "site", "online", "shop", "club", "link", "ly",
    "gg", "us", "ca", "au", "kr", "ru", "tw", "hk", "sg",
];
/// Path segments every site's addresses are made of, which say nothing of the page.
const BOILERPLATE: &[&str] = &[
    "a",
    "abs",
    "answer",
    "answers",
    "article",
    "articles",
    "blob",
    "category",
    "cn",
    "column",
    "comments",
    "commit",
    "commits",
    "d",
    "detail",
    "details",
    "discussions",
    "doc",
    "docs",
    "edit",
    "en",
    "en-us",
    "file",
    "files",
    "home",
    "html",
    "index",
    "issue",
    "issues",
    "item",
    "latest",
    "main",
    "master",
    "p",
    "page",
    "pdf",
    "people",
    "post",
    "posts",
    "pull",
    "pulls",
    "question",
    "r",
    "raw",
    "ref",
    "refs",
    "release",
    "releases",
    "resolve",
    "s",
    "search",
    "share",
    "space",
    "src",
    "stable",
    "status",
    "t",
    "tag",
    "tags",
    "tree",
    "u",
    "user",
    "users",
    "v",
    "video",
    "videos",
    "view",
    "watch",
    "wiki",
    "zh",
    "zh-cn",
    "zh-hans",
    "zh-tw",
    "zhuanlan",
];
/// File endings dropped from a path's last segment.
const FILE_ENDINGS: &[&str] = &[
    ".html", ".htm", ".shtml", ".php", ".aspx", ".asp", ".jsp", ".md", ".pdf", ".ipynb",
];
/// Code and model hosts, where owner/name is a repository or a model.
const CODE_HOSTS: &[&str] = &["github.com", "huggingface.co", "gitee.com"];
/// What a code host's path may start with before owner/name ("huggingface.co/datasets/…").
const CODE_KINDS: &[&str] = &["datasets", "spaces", "models"];
/// The tags of a model's release that say which build it is, not what it is ("-Instruct",
/// "-hf", "-it").
const RELEASE_TAGS: &[&str] = &[
    "base",
    "chat",
    "hf",
    "instruct",
    "it",
    "latest",
    "preview",
    "pretrained",
    "release",
];
/// File endings of model weights; the format is kept as a word ("gguf" is llama.cpp's).
const WEIGHT_FILES: &[&str] = &[".gguf", ".safetensors", ".bin", ".pt", ".pth", ".onnx"];

/// What the catalogue knows of addresses, built once per catalogue.
#[derive(Debug, Default)]
pub struct Addresses {
    /// The catalogue's addresses as [`key`]s, sorted, each with its resource's topic's name.
    known: Vec<(String, String)>,
    /// The arXiv numbers the catalogue knows, sorted, each with its topic's name.
    papers: Vec<(String, String)>,
    /// The names of the sites the catalogue's resources live on ("zhihu", "github"), sorted.
    home_sites: Vec<String>,
}

impl Addresses {
    /// Gathers the catalogue's addresses, papers and sites.
    pub fn new(catalogue: &Catalogue) -> Addresses {
        let name = |t: TopicIdx| spoken_name(&catalogue.topics()[t].name_en);
        let mut known = Vec::new();
        let mut papers = Vec::new();
        let mut home_sites = Vec::new();
        for r in catalogue.resources() {
            let (Some(url), Some(&topic)) = (parse(&r.url), r.topics.first()) else {
                continue;
            };
            if let Some(number) = arxiv_number(&url) {
                papers.push((number.to_owned(), name(topic)));
            }
            home_sites.extend(site_name(&url));
            // A project's home (its repository, docs, model card) is about the project
            // itself: "LLaMA-Factory" among the all-in-one toolkits.
            let read_as = if rank::is_home(r.kind) {
                let title = r.title_en.as_deref().unwrap_or(&r.title);
                let own = title.split(" — ").next().unwrap_or(title);
                format!("{} {}", spoken_name(own), name(topic))
            } else {
                name(topic)
            };
            known.push((key(&url), read_as));
        }
        for (t, topic) in catalogue.topics().iter().enumerate() {
            papers.extend(topic.papers.iter().map(|p| (p.clone(), name(t))));
        }
        for list in [&mut known, &mut papers] {
            list.sort();
            list.dedup_by(|a, b| a.0 == b.0);
        }
        home_sites.sort();
        home_sites.dedup();
        Addresses {
            known,
            papers,
            home_sites,
        }
    }

    /// The message with each address, id and arXiv number replaced by the words it carries
    /// (see the module's documentation); borrowed when it has none.
    pub fn rewrite<'a>(&self, text: &'a str) -> Cow<'a, str> {
        self.read(text).text
    }

    /// [`Addresses::rewrite`], with the names that pasted addresses and arXiv numbers the
    /// catalogue knows were read as.
    pub fn read<'a>(&self, text: &'a str) -> Rewritten<'a, '_> {
        let mut pointed = Vec::new();
        if !text.contains(['/', '.', '-']) {
            return Rewritten {
                text: Cow::Borrowed(text),
                pointed,
            };
        }
        let mut out = String::with_capacity(text.len());
        let mut changed = false;
        let mut rest = text;
        while let Some(start) = rest.find(is_chunk_char) {
            let len = rest[start..]
                .find(|c| !is_chunk_char(c))
                .unwrap_or(rest.len() - start);
            let chunk = &rest[start..start + len];
            // Brackets and sentence marks around an address are not part of it.
            let trimmed = chunk.trim_start_matches(['(', '[', '<', '\'', '"']);
            let lead = chunk.len() - trimmed.len();
            let trimmed =
                trimmed.trim_end_matches(['.', ',', ';', ':', '!', '?', ')', ']', '>', '\'', '"']);
            out.push_str(&rest[..start + lead]);
            match self.read_chunk(trimmed, &mut pointed) {
                Some(words) => {
                    changed = true;
                    out.push(' ');
                    out.push_str(&words);
                    out.push(' ');
                }
                None => out.push_str(trimmed),
            }
            out.push_str(&chunk[lead + trimmed.len()..]);
            rest = &rest[start + len..];
        }
        if !changed {
            return Rewritten {
                text: Cow::Borrowed(text),
                pointed,
            };
        }
        out.push_str(rest);
        Rewritten {
            text: Cow::Owned(out),
            pointed,
        }
    }

    /// The words a whitespace-free run of text carries, if it is an address, an id or an arXiv
    /// number. What the catalogue knows is added to `pointed`.
    fn read_chunk<'s>(&'s self, chunk: &str, pointed: &mut Vec<&'s str>) -> Option<String> {
        // Every address, id and number has a dot, a slash or a hyphen; most words of a
        // message have none, and are passed over without a copy.
        if !chunk.contains(['/', '.', '-']) {
            return None;
        }
        let mut known = |name: &'s str| {
            pointed.push(name);
            name.to_owned()
        };
        if let Some(url) = as_address(chunk) {
            if let Some(name) = self.known_address(&url) {
                return Some(known(name));
            }
            return Some(self.read_address(&url));
        }
        if let Some(number) = arxiv_in(chunk) {
            return Some(self.paper(number).map(known).unwrap_or_default());
        }
        if is_forum_handle(chunk) {
            return Some("reddit".to_owned());
        }
        let Some((owner, name)) = as_repository(chunk) else {
            return model_id(chunk);
        };
        // Written as [`key`] writes a code host's address: the id's characters need no
        // parsing.
        let named = CODE_HOSTS.iter().find_map(|host| {
            self.known_page(&format!("{host}/{owner}/{name}").to_ascii_lowercase())
        });
        Some(named.map_or_else(|| model_id(name).unwrap_or_else(|| name.to_owned()), known))
    }

    /// What a catalogue address, or the address of a paper the catalogue knows, is read as.
    fn known_address(&self, url: &Url) -> Option<&str> {
        match arxiv_number(url) {
            Some(number) => self.paper(number),
            None => self.known_page(&key(url)),
        }
    }

    /// The words of an address the catalogue does not know.
    fn read_address(&self, url: &Url) -> String {
        if arxiv_number(url).is_some() {
            return String::new();
        }
        let mut words: Vec<String> = site_name(url)
            .filter(|site| self.home_sites.binary_search(site).is_err())
            .into_iter()
            .collect();
        let mut segments: Vec<&str> = url.path_segments().into_iter().flatten().collect();
        // On a code host the owner is a person's or an organisation's handle; the repository
        // or model it owns is what the link is about ("github.com/microsoft/vscode" is not
        // about Microsoft's DeepSpeed).
        let code_host = url
            .host_str()
            .is_some_and(|h| CODE_HOSTS.contains(&h.strip_prefix("www.").unwrap_or(h)));
        if code_host && segments.len() >= 2 {
            let owner = usize::from(CODE_KINDS.contains(&segments[0]) && segments.len() >= 3);
            segments.remove(owner);
        }
        let read = |segment: &str| model_id(segment).or_else(|| path_words(segment));
        for word in segments.into_iter().filter_map(read) {
            if !words.contains(&word) {
                words.push(word);
            }
        }
        words.join(" ")
    }

    /// The topic name of a catalogue address `key` or of the longest catalogue address it is
    /// a page under. Only addresses with two path segments or more have pages under them: a
    /// site's or an organisation's home ("github.com/huggingface") holds other projects.
    fn known_page(&self, key: &str) -> Option<&str> {
        let mut candidate = key;
        loop {
            if let Ok(i) = self
                .known
                .binary_search_by(|(k, _)| k.as_str().cmp(candidate))
            {
                let segments = candidate.matches('/').count();
                if candidate == key || segments >= 2 {
                    return Some(&self.known[i].1);
                }
            }
            candidate = &candidate[..candidate.rfind('/')?];
        }
    }

    /// The topic name of an arXiv number the catalogue knows.
    fn paper(&self, number: &str) -> Option<&str> {
        self.papers
            .binary_search_by(|(p, _)| p.as_str().cmp(number))
            .ok()
            .map(|i| self.papers[i].1.as_str())
    }
}

/// A message with its addresses read (see [`Addresses::read`]).
#[derive(Debug)]
pub struct Rewritten<'a, 's> {
    /// The message, each address, id and arXiv number replaced by the words it carries.
    pub text: Cow<'a, str>,
    /// What the addresses and numbers the catalogue knows were read as: the message points
    /// at these, as surely as a name said outright.
    pub pointed: Vec<&'s str>,
}

/// A name as words to read in a message: without its parenthesis and list marks ("ZeRO
/// (Zero Redundancy Optimizer)" → "ZeRO", "MoE / expert parallelism" → "MoE expert
/// parallelism", "microsoft/DeepSpeed" → "microsoft DeepSpeed"), which would otherwise split
/// it into a list.
fn spoken_name(name: &str) -> String {
    let name = name.split(['(', '（']).next().unwrap_or(name);
    let name = name.replace([',', '，', '、', ';', '|'], " ");
    // "I/O" is one word, as the normaliser spells it.
    name.split(' ')
        .map(|w| {
            if w.len() == 3 {
                w.to_owned()
            } else {
                w.replace('/', " ")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
        .split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
}

/// Characters an address, an id or a number can be made of: ASCII, printable, no space.
fn is_chunk_char(c: char) -> bool {
    c.is_ascii_graphic()
}

/// An address written with its scheme, or as a site's name with or without a path
/// ("huggingface.co/Qwen/Qwen-7B", "lambdalabs.com", "notion.so").
fn as_address(chunk: &str) -> Option<Url> {
    let lower = chunk.to_ascii_lowercase();
    if lower.starts_with("http://") || lower.starts_with("https://") {
        return parse(chunk);
    }
    let host = lower.split('/').next().unwrap_or_default();
    let ending = host.rsplit('.').next().unwrap_or_default();
    let site = host.contains('.')
        && host
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'.' || b == b'-')
        && SITE_ENDINGS.contains(&ending);
    site.then(|| parse(&format!("https://{chunk}"))).flatten()
}

/// Parses an absolute address; `None` for anything that is not one, or has no host.
fn parse(text: &str) -> Option<Url> {
    Url::parse(text).ok().filter(|u| u.host_str().is_some())
}

/// The form two addresses of one page share: host without "www.", path without a final
/// slash, lower case, no query or fragment ("https://www.X.com/A/" and "x.com/a?b" alike).
fn key(url: &Url) -> String {
    let host = url.host_str().unwrap_or_default();
    let host = host.strip_prefix("www.").unwrap_or(host);
    let path = url.path().trim_end_matches('/');
    format!("{host}{path}").to_ascii_lowercase()
}

/// The arXiv number of an arxiv.org address (its abstract, PDF or HTML page, any version).
fn arxiv_number(url: &Url) -> Option<&str> {
    let host = url.host_str()?;
    if !(host == "arxiv.org" || host.ends_with(".arxiv.org")) {
        return None;
    }
    url.path_segments()?.find_map(arxiv_in)
}

/// The arXiv number a run of text holds ("2106.09685", "2106.09685v2", "arXiv:2106.09685",
/// "2106.09685.pdf").
fn arxiv_in(chunk: &str) -> Option<&str> {
    let start = chunk.find(|c: char| c.is_ascii_digit())?;
    let prefix = chunk[..start].to_ascii_lowercase();
    if !(prefix.is_empty() || prefix == "arxiv:" || prefix == "arxiv.") {
        return None;
    }
    let number = &chunk[start..];
    let end = number
        .char_indices()
        .find(|&(i, c)| !(c.is_ascii_digit() || c == '.' && i == 4))
        .map_or(number.len(), |(i, _)| i);
    let (found, after) = number.split_at(end);
    let after_ok = after.is_empty()
        || after.strip_prefix('v').is_some_and(|v| {
            let v = v.strip_suffix(".pdf").unwrap_or(v);
            !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit())
        })
        || after == ".pdf";
    (after_ok && catalogue::is_arxiv_number(found)).then_some(found)
}

/// A subreddit or a Reddit user as people write them ("r/LocalLLaMA", "/r/MachineLearning",
/// "u/someone"): where something was read, read as the site. Its name says nothing of the
/// question ("想看懂 r/LocalLLaMA 上大家天天聊的 quant").
fn is_forum_handle(chunk: &str) -> bool {
    let chunk = chunk.strip_prefix('/').unwrap_or(chunk);
    let Some((kind, name)) = chunk.split_once('/') else {
        return false;
    };
    matches!(kind, "r" | "u" | "R" | "U")
        && name.len() >= 2
        && name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'_')
}

/// A repository or model id written owner/name, read as its name (the owner is a handle): an
/// owner of letters and hyphens, and either a
/// name with a digit, a dot, a hyphen or an underscore ("Qwen/Qwen2.5-7B-Instruct",
/// "hiyouga/LLaMA-Factory") or an owner with a hyphen ("vllm-project/vllm"). Two plain words
/// ("lora/qlora", "TP/PP") are a list; a hyphen on both sides ("pre-training/fine-tuning") too.
fn as_repository(chunk: &str) -> Option<(&str, &str)> {
    let (owner, name) = chunk.split_once('/')?;
    let owner_ok = owner.len() >= 2
        && owner.starts_with(|c: char| c.is_ascii_alphabetic())
        && owner.bytes().all(|b| b.is_ascii_alphabetic() || b == b'-');
    let name_ok = !name.is_empty()
        && name.starts_with(|c: char| c.is_ascii_alphanumeric())
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.'));
    let marked = |s: &str, marks: &[u8]| s.bytes().any(|b| marks.contains(&b));
    let id_like = if owner.contains('-') {
        !name.contains('-')
    } else {
        marked(name, b"-_.0123456789")
    };
    (owner_ok && name_ok && id_like).then_some((owner, name))
}

/// The words a model id carries, if the run of text is one: a name followed, after hyphens or
/// underscores, by a size ("7B", "0.5b", "8x7B", "125m") among other pieces. Kept are the
/// family without a dotted version ("Qwen2.5" → "Qwen"), the size and what was done to the
/// weights (GPTQ, AWQ, q4); dropped are versions ("2", "v0.2"), release tags and one-letter
/// pieces of a quantisation's name ("q4_k_m").
fn model_id(chunk: &str) -> Option<String> {
    let lower = chunk.to_ascii_lowercase();
    let (stem, format) = match WEIGHT_FILES.iter().find(|e| lower.ends_with(*e)) {
        Some(ending) => (&chunk[..chunk.len() - ending.len()], Some(&ending[1..])),
        None => (chunk, None),
    };
    let pieces: Vec<&str> = stem.split(['-', '_']).collect();
    let is_size = |p: &str| {
        let p = p.to_ascii_lowercase();
        let Some(number) = p.strip_suffix(['b', 'm']) else {
            return false;
        };
        let number = number.split_once('x').map_or(number, |(experts, each)| {
            if experts.bytes().all(|b| b.is_ascii_digit()) {
                each
            } else {
                ""
            }
        });
        number.starts_with(|c: char| c.is_ascii_digit())
            && number.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let named = pieces
        .first()
        .is_some_and(|p| p.starts_with(|c: char| c.is_ascii_alphabetic()));
    if !(named && pieces.len() >= 2 && pieces.iter().any(|p| is_size(p))) {
        return None;
    }
    let is_version = |p: &str| {
        let digits = p.strip_prefix(['v', 'V']).unwrap_or(p);
        !digits.is_empty() && digits.bytes().all(|b| b.is_ascii_digit() || b == b'.')
    };
    let mut words: Vec<&str> = pieces
        .iter()
        .filter(|p| {
            p.len() > 1
                && !is_version(p)
                && !RELEASE_TAGS.contains(&p.to_ascii_lowercase().as_str())
        })
        .map(|p| match p.split_once('.') {
            // "Qwen2.5": the family with its version; "Llama3.1" alike.
            Some((family, _)) if !is_size(p) => {
                family.trim_end_matches(|c: char| c.is_ascii_digit())
            }
            _ => p,
        })
        .filter(|p| !p.is_empty())
        .collect();
    words.extend(format);
    Some(words.join(" "))
}

/// The name of an address's site: its host without the suffix and subdomains ("zhihu" of
/// zhuanlan.zhihu.com, "weixin" of mp.weixin.qq.com is "qq"), or the project's subdomain on a
/// shared host ("jalammar" of jalammar.github.io).
fn site_name(url: &Url) -> Option<String> {
    let host = url.host_str()?.to_ascii_lowercase();
    let host = host.strip_prefix("www.").unwrap_or(&host);
    if let Some(shared) = SHARED_HOSTS
        .iter()
        .find(|s| host.ends_with(&format!(".{s}")))
    {
        let project = &host[..host.len() - shared.len() - 1];
        return project.rsplit('.').next().map(str::to_owned);
    }
    let mut labels: Vec<&str> = host.split('.').collect();
    labels.pop();
    if labels.len() >= 2 && SECOND_LEVEL.contains(labels.last()?) {
        labels.pop();
    }
    labels
        .last()
        .filter(|l| !l.is_empty() && !l.bytes().all(|b| b.is_ascii_digit()))
        .map(|l| (*l).to_owned())
}

/// The words of one path segment, if it says anything: not a number, an id, a date or what
/// every site's paths are made of; underscores and pluses read as spaces.
fn path_words(segment: &str) -> Option<String> {
    let lower = segment.to_ascii_lowercase();
    let bare = FILE_ENDINGS
        .iter()
        .find_map(|e| lower.strip_suffix(e))
        .unwrap_or(&lower);
    let original = &segment[..bare.len()];
    let says_nothing = bare.is_empty()
        || bare.contains('%')
        || BOILERPLATE.contains(&bare)
        || bare
            .bytes()
            .all(|b| b.is_ascii_digit() || b == b'-' || b == b'.')
        || looks_like_id(original);
    (!says_nothing).then(|| bare.replace(['_', '+'], " "))
}

/// Whether a path segment is an identifier rather than words: a hash ("3f2a9c1"), letters and
/// three or more digits run together ("BV1xx411c7mD"), or a case-mixed token ("kCc8FmEb1nY").
fn looks_like_id(segment: &str) -> bool {
    let digits = segment.bytes().filter(u8::is_ascii_digit).count();
    let plain = segment.bytes().all(|b| b.is_ascii_alphanumeric());
    let hash = segment.len() >= 7 && digits > 0 && segment.bytes().all(|b| b.is_ascii_hexdigit());
    let run_together = plain && digits >= 3 && digits < segment.len();
    let case_switches = segment
        .as_bytes()
        .windows(2)
        .filter(|w| w[0].is_ascii_lowercase() && w[1].is_ascii_uppercase())
        .count();
    hash || run_together || plain && digits > 0 && case_switches >= 2
}

#[cfg(test)]
mod tests {
    use super::*;

    fn addresses() -> Addresses {
        Addresses::new(&Catalogue::shipped().expect("the shipped catalogue loads"))
    }

    #[test]
    fn a_subreddit_is_where_it_was_read() {
        let a = addresses();
        assert_eq!(
            a.rewrite("想看懂 r/LocalLLaMA 上大家天天聊的 quant"),
            "想看懂  reddit  上大家天天聊的 quant"
        );
        assert_eq!(a.rewrite("/r/MachineLearning is dead"), " reddit  is dead");
        assert_eq!(a.rewrite("tp/pp 区别"), "tp/pp 区别");
    }

    #[test]
    fn a_catalogue_address_or_a_page_under_it_is_its_topic() {
        let a = addresses();
        assert_eq!(
            a.rewrite("https://github.com/hiyouga/LLaMA-Factory 这个怎么用")
                .trim_start(),
            a.rewrite("github.com/hiyouga/llama-factory/blob/main/README_zh.md 这个怎么用")
                .trim_start()
        );
        let rewritten =
            a.rewrite("you sent me https://zhuanlan.zhihu.com/p/691045737/ anything easier?");
        assert_eq!(rewritten, "you sent me  vLLM  anything easier?");
        // A project's home names the project too.
        assert_eq!(
            a.rewrite("https://github.com/microsoft/DeepSpeed").trim(),
            "microsoft DeepSpeed DeepSpeed"
        );
        // An organisation's home holds other projects.
        assert!(
            !a.rewrite("https://github.com/huggingface/diffusers")
                .contains("Hugging Face")
        );
    }

    #[test]
    fn an_arxiv_number_the_catalogue_knows_is_its_topic_and_another_is_dropped() {
        let a = addresses();
        assert_eq!(
            a.rewrite("arXiv:2106.09685v2 有中文解读吗").trim(),
            "LoRA  有中文解读吗"
        );
        assert_eq!(
            a.rewrite("https://arxiv.org/pdf/2210.17323.pdf").trim(),
            "GPTQ"
        );
        assert_eq!(
            a.rewrite("https://arxiv.org/abs/2402.99999 讲的啥").trim(),
            "讲的啥"
        );
        // Version numbers and decimals are no papers.
        assert_eq!(
            a.rewrite("deepspeed==0.14.0 和 3.1415 有关吗"),
            "deepspeed==0.14.0 和 3.1415 有关吗"
        );
    }

    #[test]
    fn another_address_is_its_site_and_its_path_words() {
        let a = addresses();
        assert_eq!(
            a.rewrite("summarize this https://www.nytimes.com/2024/05/01/technology/ai-chips.html"),
            "summarize this  nytimes technology ai-chips "
        );
        // A site the catalogue's resources live on says nothing; an id says nothing.
        assert_eq!(
            a.rewrite("https://www.bilibili.com/video/BV1xx411c7mD 这个视频讲得好吗")
                .trim(),
            "这个视频讲得好吗"
        );
        assert_eq!(
            a.rewrite("huggingface.co/datasets/some-org/cat_photos")
                .trim(),
            "datasets cat photos"
        );
        // The owner of a repository is a handle; a word is said once.
        assert_eq!(
            a.rewrite("github.com/microsoft/vscode/blob/main/src/vscode/main.ts")
                .trim(),
            "vscode main.ts"
        );
    }

    #[test]
    fn an_owner_and_a_name_are_one_name_and_two_plain_words_a_list() {
        let a = addresses();
        assert_eq!(
            a.rewrite("THUDM/chatglm3-6b 怎么部署").trim(),
            "chatglm3 6b  怎么部署"
        );
        assert_eq!(a.rewrite("Qwen/Qwen-7B 微调"), " Qwen-7B Qwen  微调");
        for list in [
            "lora/qlora 区别",
            "TP/PP",
            "pre-training/fine-tuning",
            "I/O 优化",
            "fp16/bf16",
        ] {
            assert_eq!(a.rewrite(list), list);
        }
    }

    #[test]
    fn a_model_id_keeps_its_family_size_and_format() {
        for (id, words) in [
            ("Qwen2.5-14B-Instruct", "Qwen 14B"),
            ("Llama-2-7b-hf", "Llama 7b"),
            ("Meta-Llama-3.1-8B-Instruct", "Meta Llama 8B"),
            ("Mistral-7B-Instruct-v0.2-GGUF", "Mistral 7B GGUF"),
            ("qwen2-7b-instruct-q4_k_m.gguf", "qwen2 7b q4 gguf"),
            ("Mixtral-8x7B-Instruct-v0.1", "Mixtral 8x7B"),
            ("Qwen2-0.5B", "Qwen2 0.5B"),
            ("internlm2-chat-7b", "internlm2 7b"),
        ] {
            assert_eq!(model_id(id).as_deref(), Some(words), "{id}");
        }
        // Without a size, or without a name first, it is no model id.
        for text in [
            "fine-tune",
            "gpt-4",
            "p-tuning-v2",
            "7B-13B",
            "A100-80G",
            "llama.cpp",
        ] {
            assert_eq!(model_id(text), None, "{text}");
        }
        let a = addresses();
        assert_eq!(
            a.rewrite("TheBloke/Llama-2-7B-Chat-GPTQ 怎么跑").trim(),
            "Llama 7B GPTQ  怎么跑"
        );
        assert_eq!(
            a.rewrite("https://huggingface.co/Qwen/Qwen2.5-7B-Instruct 显存")
                .trim(),
            "Qwen 7B  显存"
        );
    }

    #[test]
    fn an_address_is_read_with_its_port_and_user_left_out() {
        let a = addresses();
        assert_eq!(
            a.rewrite("curl http://localhost:8000/v1/chat/completions 返回 404")
                .trim(),
            "curl  v1 chat completions  返回 404"
        );
        assert_eq!(
            a.rewrite("HTTPS://user@WWW.Example.com:8443/Docs/Guide.html?x=1#top")
                .trim(),
            "example guide"
        );
    }

    #[test]
    fn names_lose_their_parentheses_and_list_marks() {
        assert_eq!(spoken_name("ZeRO (Zero Redundancy Optimizer)"), "ZeRO");
        assert_eq!(
            spoken_name("MoE / expert parallelism"),
            "MoE expert parallelism"
        );
        assert_eq!(
            spoken_name("I/O optimization (FlashAttention V1, V2)"),
            "I/O optimization"
        );
    }

    #[test]
    fn files_and_names_with_dots_are_no_addresses() {
        let a = addresses();
        for text in [
            "llama.cpp 怎么编译",
            "LLM.int8() 原理",
            "config.json 改哪里",
            "model.pt",
        ] {
            assert_eq!(a.rewrite(text), text);
        }
        // A site's bare name is its name.
        assert_eq!(
            a.rewrite("runpod vs lambdalabs.com").trim(),
            "runpod vs  lambdalabs"
        );
        assert_eq!(a.rewrite("vllm.ai").trim(), "vllm");
    }
}
