//! Stage 3, after expansion: catalogue words used in another sense.
//!
//! Many of the catalogue's names are ordinary words elsewhere: an LLM is also a law degree,
//! a transformer hums on a pole, pruning is done to fruit trees, distilling makes whiskey,
//! and a GPU is bought for gaming. Such a message names a catalogue word, yet is about
//! something else, and the rest of it usually says so: "law school", "hydrangeas", "1440p".
//! Each entry below pairs the spellings of one catalogue sense with words that, anywhere in
//! the message, rule that sense out. A word so ruled out keeps its importance but explains
//! nothing, so the relevance stage weighs the message as the question about something else
//! that it is. The cues are words that do not occur in questions about the catalogue's own
//! sense ("law school", not "law": scaling laws are a catalogue subject; "sesame", not
//! "ernie": ERNIE is also a model).

use std::collections::HashMap;
use std::sync::OnceLock;

use super::expand::QueryWord;
use super::normalise::is_cjk;

/// One ambiguous catalogue word: its spellings (normalised; Chinese ones matched inside a
/// word, Latin ones whole) and the cues (likewise; Latin cues of several words are matched
/// as a run of whole words).
struct Sense {
    words: &'static [&'static str],
    cues: &'static [&'static str],
}

// One sense per entry, kept compact: the table is read as a list, not as code.
#[rustfmt::skip]
const SENSES: &[Sense] = &[
    // Master of Laws.
    Sense {
        words: &["llm", "llms"],
        cues: &["law school", "master of laws", "laws degree", "法学", "律师", "法律硕士"],
    },
    // Millilitres.
    Sense {
        words: &["ml"],
        cues: &["cup", "cups", "ounce", "ounces", "oz", "litre", "liter", "litres", "liters",
            "teaspoon", "tablespoon", "spoon", "milk", "syringe", "毫升"],
    },
    // Electrical transformers, the films and the toys.
    Sense {
        words: &["transformer", "transformers"],
        cues: &["voltage", "volt", "volts", "hum", "hums", "humming", "pole", "substation",
            "step down", "step up", "wiring", "power supply", "变压器", "变形金刚", "autobots", "optimus",
            "decepticon", "transformers movie", "玩具"],
    },
    // Megatron the Decepticon.
    Sense {
        words: &["megatron"],
        cues: &["decepticon", "decepticons", "optimus", "autobots", "变形金刚", "威震天"],
    },
    // Star clusters, cluster headaches, database clusters.
    Sense {
        words: &["cluster", "clusters", "集群"],
        cues: &["globular", "galaxy", "galaxies", "star", "stars", "headache", "headaches", "星团",
            "头痛", "redis", "kafka", "elasticsearch", "mongodb", "mysql", "zookeeper"],
    },
    // Pruning plants and game trees.
    Sense {
        words: &["prune", "pruning", "pruned", "剪枝", "修剪"],
        cues: &["fruit tree", "fruit trees", "apple tree", "apple trees", "plant", "plants",
            "garden", "gardening", "tomato", "tomatoes", "rose", "roses", "hydrangea",
            "hydrangeas", "shrub", "shrubs", "bonsai", "hedge", "果树", "苹果树", "盆栽", "葡萄", "园艺",
            "alpha beta", "minimax", "五子棋", "象棋", "chess"],
    },
    // Distilling drinks and water.
    Sense {
        words: &["distill", "distilled", "distilling", "distillation", "蒸馏"],
        cues: &["whiskey", "whisky", "vodka", "gin", "rum", "alcohol", "moonshine", "liquor",
            "spirits", "water", "essential oil", "白酒", "酿酒", "烈酒", "蒸馏水", "精油", "化学", "chemistry"],
    },
    // Compression garments; video, image and archive compression.
    Sense {
        words: &["compression", "compress", "compressed", "压缩"],
        cues: &["socks", "sock", "stockings", "garment", "garments", "sleeve", "sleeves",
            "bandage", "leggings", "video", "videos", "jpeg", "jpg", "png", "gif", "mp4", "ffmpeg",
            "视频", "图片", "zip", "rar", "压缩包", "袜"],
    },
    // Quantisation in signal processing; quantitative finance and appraisal.
    Sense {
        words: &["quantization", "quantisation", "quantize", "quantise", "量化"],
        cues: &["adc", "dac", "analog", "audio", "绩效", "考核", "kpi", "交易", "trading", "trader",
            "backtest", "hedge fund", "投资", "基金", "股票", "回测", "因子", "私募"],
    },
    // LoRa radio.
    Sense {
        words: &["lora"],
        cues: &["sx1276", "sx1278", "sx1262", "lorawan", "antenna", "radio", "mhz", "433mhz",
            "868mhz", "915mhz", "esp32", "arduino", "meshtastic", "天线", "射频", "通信距离", "网关"],
    },
    // The animals.
    Sense {
        words: &["llama", "llamas", "alpaca", "alpacas", "vicuna", "vicunas", "羊驼"],
        cues: &["animal", "animals", "wool", "farm", "pet", "pets", "zoo", "spit", "动物", "草泥马",
            "宠物", "农场", "养"],
    },
    // Sesame Street.
    Sense {
        words: &["bert"],
        cues: &["sesame", "muppet", "muppets", "芝麻街"],
    },
    // A child's attention, and praise as reinforcement.
    Sense {
        words: &["attention", "注意力", "reinforcement", "强化"],
        cues: &["child", "children", "kid", "kids", "son", "daughter", "toddler", "adhd",
            "attention span", "puppy", "dog", "dogs", "parenting", "disciplining", "孩子", "小孩",
            "儿童", "上课", "多动"],
    },
    // Graphics cards and their memory, bought for games or mining.
    Sense {
        words: &["gpu", "gpus", "显卡", "显存", "cuda"],
        cues: &["gaming", "game", "games", "fps", "1440p", "1080p", "144hz", "ray tracing",
            "esports", "mining", "miner", "ethereum", "bitcoin", "游戏", "画质", "帧率", "光追", "电竞",
            "挖矿", "黑神话", "吃鸡", "原神", "steam"],
    },
    // Crypto, arcade and subway tokens.
    Sense {
        words: &["token", "tokens"],
        cues: &["crypto", "airdrop", "swap", "eth", "ethereum", "bitcoin", "btc", "nft", "wallet",
            "subway", "metro", "arcade", "代币", "空投", "钱包"],
    },
    // Browser caches.
    Sense {
        words: &["cache", "caches", "缓存"],
        cues: &["browser", "chrome", "firefox", "safari", "cookies", "浏览器", "网页"],
    },
    // Oil pipelines and CI pipelines.
    Sense {
        words: &["pipeline", "pipelines"],
        cues: &["oil", "gas", "ci", "devops", "gitlab", "jenkins", "npm", "corrosion"],
    },
    // Tuning instruments, and "微调" of policies and rooms.
    Sense {
        words: &["微调", "tuner", "tuners"],
        cues: &["violin", "guitar", "cello", "小提琴", "吉他", "装修", "利率", "房贷", "货币政策"],
    },
    // Deploying troops and websites; training dogs, runners and recruits; trains on rails.
    Sense {
        words: &["deploy", "deploying", "deployment", "部署", "train", "training", "训练"],
        cues: &["troops", "army", "brigade", "soldiers", "military", "兵力", "军队", "盟军", "vercel",
            "netlify", "heroku", "github pages", "wordpress", "puppy", "dog", "dogs", "marathon",
            "gym", "马拉松", "健身", "入伍", "新兵", "军训", "狗", "railway", "railroad", "locomotive",
            "train station", "train ticket", "train tickets", "火车", "高铁", "动车"],
    },
    // The emoji.
    Sense {
        words: &["huggingface", "hugging"],
        cues: &["emoji", "表情"],
    },
    // Operating-system and popcorn kernels.
    Sense {
        words: &["kernel", "kernels"],
        cues: &["linux kernel", "kernel panic", "kernel module", "kernel modules", "popcorn",
            "爆米花"],
    },
    // Operators of machines and phones; operator overloading.
    Sense {
        words: &["operator", "operators"],
        cues: &["forklift", "crane", "telephone", "overloading", "overload", "excavator", "叉车"],
    },
    // Serving food and serving in tennis.
    Sense {
        words: &["serve", "serving", "served"],
        cues: &["food", "dinner", "dish", "dishes", "waiter", "waitress", "tennis", "volleyball",
            "badminton", "pickleball", "calories", "发球", "上菜"],
    },
    // Agents of estates, travel and insurance, and spies.
    Sense {
        words: &["agent", "agents", "智能体"],
        cues: &["real estate agent", "estate agent", "travel agent", "insurance agent",
            "secret agent", "fbi", "cia", "007", "房产", "中介"],
    },
    // Neuro-linguistic programming.
    Sense {
        words: &["nlp"],
        cues: &["nlp coaching", "nlp coach", "nlp practitioner", "neuro linguistic", "hypnosis",
            "催眠", "神经语言程序学"],
    },
    // Colour gradients.
    Sense {
        words: &["gradient", "gradients"],
        cues: &["css", "photoshop", "color", "colour", "colors", "colours", "figma", "渐变色", "颜色"],
    },
    // The Matrix films.
    Sense {
        words: &["matrix"],
        cues: &["keanu", "neo", "morpheus", "matrix movie", "matrix reloaded",
            "matrix resurrections", "黑客帝国"],
    },
    // The snakes.
    Sense {
        words: &["python", "pythons"],
        cues: &["snake", "snakes", "reptile", "reptiles", "蛇", "蟒"],
    },
    // Triton the moon and the god.
    Sense {
        words: &["triton"],
        cues: &["moon", "neptune", "mythology", "poseidon", "海卫一"],
    },
    // Camera flashes, flash drives and flash sales.
    Sense {
        words: &["flash"],
        cues: &["adobe", "camera", "drive", "usb", "sale", "sales", "闪光灯", "u盘"],
    },
    // 萌 moe, and ministries of education.
    Sense {
        words: &["moe"],
        cues: &["萌", "anime", "ministry", "singapore", "教育部"],
    },
    // Paddles of boats and bats.
    Sense {
        words: &["paddle", "paddles"],
        cues: &["kayak", "canoe", "boat", "ping pong", "table tennis", "paddleboard", "划船", "乒乓"],
    },
    // TVM as the time value of money.
    Sense {
        words: &["tvm"],
        cues: &["present value", "future value", "annuity", "interest rate", "货币时间价值", "年金"],
    },
    // Prompts for image generators and the command prompt.
    Sense {
        words: &["prompt", "prompts"],
        cues: &["midjourney", "dall e", "dalle", "command prompt", "cmd"],
    },
    // Batches in cooking and batch files.
    Sense {
        words: &["batch", "batches"],
        cues: &["cookies", "cooking", "baking", "bat file", "批处理"],
    },
    // Weights lifted, and body weight.
    Sense {
        words: &["weight", "weights"],
        cues: &["gym", "lifting", "dumbbell", "dumbbells", "barbell", "squat", "squats",
            "bench press", "weight loss", "哑铃", "杠铃", "减肥", "体重"],
    },
    // Activating software licences.
    Sense {
        words: &["activation", "activate", "激活"],
        cues: &["windows", "office", "license", "licence", "product key", "激活码", "序列号", "许可证"],
    },
    // Border and game checkpoints.
    Sense {
        words: &["checkpoint", "checkpoints"],
        cues: &["border", "police", "检查站"],
    },
    // A person's memory.
    Sense {
        words: &["memory", "内存"],
        cues: &["alzheimer", "alzheimers", "dementia", "记忆力", "背单词"],
    },
    // Parallel parking, universes and lines.
    Sense {
        words: &["parallel", "并行"],
        cues: &["parking", "universe", "universes", "parallel lines", "平行宇宙"],
    },
    // Zero calories, zero waste, zero-day.
    Sense {
        words: &["zero"],
        cues: &["calorie", "calories", "sugar", "waste", "zero day", "ground zero", "coke"],
    },
    // 推理 as detective fiction and puzzles.
    Sense {
        words: &["推理"],
        cues: &["小说", "侦探", "本格", "东野圭吾", "柯南", "数独", "谜题", "剧本杀", "逻辑题"],
    },
    // 编译 as news translation.
    Sense {
        words: &["编译"],
        cues: &["新闻", "记者", "编辑部"],
    },
    // Potato, poker and chocolate chips.
    Sense {
        words: &["chip", "chips"],
        cues: &["potato", "poker", "chocolate", "cookie", "casino", "薯片", "筹码"],
    },
];

/// The Latin words of normalised text, in order ("llm法学" gives "llm").
fn latin_words(text: &str) -> Vec<&str> {
    text.split(|c: char| c == ' ' || is_cjk(c))
        .filter(|w| !w.is_empty())
        .collect()
}

/// Whether `needle` (normalised) occurs in the message: Chinese inside any run, Latin as
/// whole words in a row.
fn occurs(needle: &str, text: &str, latin: &[&str]) -> bool {
    if needle.chars().any(is_cjk) {
        return text.contains(needle);
    }
    let parts: Vec<&str> = needle.split(' ').collect();
    latin.windows(parts.len()).any(|w| w == parts.as_slice())
}

/// The senses' spellings, filed once per process: Latin ones by the word, Chinese ones in a
/// list to look for inside a word.
struct Spellings {
    latin: HashMap<&'static str, Vec<usize>>,
    cjk: Vec<(&'static str, usize)>,
}

fn spellings() -> &'static Spellings {
    static FILED: OnceLock<Spellings> = OnceLock::new();
    FILED.get_or_init(|| {
        let mut filed = Spellings {
            latin: HashMap::new(),
            cjk: Vec::new(),
        };
        for (s, sense) in SENSES.iter().enumerate() {
            for &w in sense.words {
                if w.chars().any(is_cjk) {
                    filed.cjk.push((w, s));
                } else {
                    filed.latin.entry(w).or_default().push(s);
                }
            }
        }
        filed
    })
}

/// The senses (indices into [`SENSES`]) a query word is spelled as.
fn senses_of(word: &str) -> Vec<usize> {
    let filed = spellings();
    let mut out = filed.latin.get(word).cloned().unwrap_or_default();
    if word.chars().any(is_cjk) {
        out.extend(
            filed
                .cjk
                .iter()
                .filter(|(s, _)| word.contains(s))
                .map(|&(_, sense)| sense),
        );
    }
    out
}

/// Takes the catalogue's meaning away from every word the rest of the message (`normalised`,
/// the whole query) shows to be meant in another sense: it stays a content word, with nothing
/// in the catalogue behind it.
pub fn rule_out(words: &mut [QueryWord], normalised: &str) {
    let of: Vec<Vec<usize>> = words
        .iter()
        .map(|w| {
            if w.is_content() {
                senses_of(&w.text)
            } else {
                Vec::new()
            }
        })
        .collect();
    // Most messages have none of these words: the cues are looked for only when one is there.
    if of.iter().all(Vec::is_empty) {
        return;
    }
    let latin = latin_words(normalised);
    for (word, senses) in words.iter_mut().zip(&of) {
        let cue = senses.iter().find_map(|&s| {
            SENSES[s]
                .cues
                .iter()
                .find(|c| occurs(c, normalised, &latin))
        });
        if let Some(&cue) = cue {
            word.alternatives.clear();
            word.parts.clear();
            word.other_sense = Some(cue);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::Engine;

    fn answered(engine: &Engine, query: &str) -> bool {
        engine.relevance(&engine.understand(query, false)).answer
    }

    #[test]
    fn cues_are_whole_words_or_chinese_runs() {
        let text = "is an llm from a us law school worth it";
        let latin = latin_words(text);
        assert!(occurs("law school", text, &latin));
        assert!(!occurs(
            "law",
            "scaling laws for llm",
            &latin_words("scaling laws for llm")
        ));
        assert!(occurs("法学", "llm法学硕士", &latin_words("llm法学硕士")));
        assert_eq!(latin_words("llm法学 硕士 ok"), ["llm", "ok"]);
    }

    #[test]
    fn words_meant_in_another_sense_explain_nothing() {
        let engine = Engine::shipped().unwrap();
        for query in [
            "how many ml in a cup",
            "do compression socks actually help on long flights?",
            "is an LLM from a US law school worth it for a foreign-trained lawyer?",
            "what's the difference between a globular cluster and an open cluster?",
            "玩游戏老提示显存不足，是不是得换显卡了",
            "weight loss gym weights plan",
            "linux kernel compile guide",
            "windows activation key",
            "the matrix movie explained",
            "paddle kayak technique",
            "tennis serve technique",
        ] {
            assert!(!answered(&engine, query), "{query}");
        }
        let words = engine.understand("how many ml in a cup", false);
        let ml = words.iter().find(|w| w.text == "ml").unwrap();
        assert_eq!(ml.other_sense, Some("cup"));
        assert!(ml.alternatives.is_empty());
        // The same words in the catalogue's sense are still answered.
        for query in [
            "ml 入门",
            "模型压缩有哪些方法",
            "LLM scaling laws",
            "多机多卡集群怎么搭",
            "显存不够怎么微调大模型",
            "how to serve a llama model with vllm",
            "activation checkpointing 省显存",
        ] {
            assert!(answered(&engine, query), "{query}");
        }
    }
}
