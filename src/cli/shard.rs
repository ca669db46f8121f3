//! Sharding: which documents one worker of many builds.
//!
//! Owns the shard arithmetic and where K and N come from (`--shard K/N`,
//! `--shards N` with the job engine's index, or a Slurm job array's
//! variables). A document belongs to shard `h mod N`, where `h` is the
//! first 8 bytes (big-endian) of the SHA-256 of its text, the hash that
//! also names its graph: the same on every machine, in every run, and
//! whatever the file's name or place in the input. It knows nothing of
//! the model, the rules or the store.

use std::fmt;
use std::str::FromStr;

use super::UsageError;

/// Shard `index` of `count`, `index` from 0 to `count - 1`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Shard {
    pub index: u64,
    pub count: u64,
}

impl Shard {
    /// The whole input.
    pub const ALL: Shard = Shard { index: 0, count: 1 };

    /// A shard, or a message saying why not.
    pub fn new(index: u64, count: u64) -> Result<Shard, String> {
        if count == 0 {
            return Err("the number of shards must be at least 1".into());
        }
        if index >= count {
            return Err(format!(
                "shard {index} does not exist: with {count} shards, K goes from 0 to {}",
                count - 1
            ));
        }
        Ok(Shard { index, count })
    }

    /// Whether the document whose content hash (lower-case hex SHA-256) is
    /// given belongs to this shard.
    pub fn holds(&self, content_hash: &str) -> bool {
        self.count == 1 || shard_of(content_hash, self.count) == self.index
    }
}

/// The shard (0..count) of a document from its content hash: the first 16
/// hex digits as a big-endian u64, modulo `count`. A hash too short or not
/// hex (never produced by trame) lands in shard 0.
pub fn shard_of(content_hash: &str, count: u64) -> u64 {
    let head = content_hash.get(..16).unwrap_or("0");
    u64::from_str_radix(head, 16).unwrap_or(0) % count.max(1)
}

impl fmt::Display for Shard {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}/{}", self.index, self.count)
    }
}

impl FromStr for Shard {
    type Err = String;

    fn from_str(text: &str) -> Result<Shard, String> {
        let usage = || format!("expected K/N such as 0/4 (shard K of N, K from 0 to N-1), not {text:?}");
        let (k, n) = text.split_once('/').ok_or_else(usage)?;
        let k: u64 = k.trim().parse().map_err(|_| usage())?;
        let n: u64 = n.trim().parse().map_err(|_| usage())?;
        Shard::new(k, n)
    }
}

/// The shard to build and, when it did not come from `--shard`, where it
/// came from (for a message).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    pub shard: Shard,
    pub origin: Option<String>,
}

/// Decides the shard from the flags and the environment (`env` looks a
/// variable up). Order: `--shard K/N`; `--shards N` with
/// `JOB_COMPLETION_INDEX` (Kubernetes) or `SLURM_ARRAY_TASK_ID` (minus
/// `SLURM_ARRAY_TASK_MIN`); a Slurm array's own `SLURM_ARRAY_TASK_ID` and
/// `SLURM_ARRAY_TASK_COUNT`; else the whole input. Contradictions and
/// malformed values are usage errors naming the variable.
pub fn resolve(
    shard: Option<Shard>,
    shards: Option<u64>,
    env: &dyn Fn(&str) -> Option<String>,
) -> Result<Resolved, UsageError> {
    if let Some(shard) = shard {
        return Ok(Resolved { shard, origin: None });
    }
    let number = |name: &str| -> Result<Option<u64>, UsageError> {
        match env(name) {
            None => Ok(None),
            Some(value) if value.trim().is_empty() => Ok(None),
            Some(value) => value.trim().parse().map(Some).map_err(|_| {
                UsageError(format!(
                    "{name}={value:?} is not a whole number; the job engine should set it"
                ))
            }),
        }
    };
    let slurm_index = || -> Result<Option<u64>, UsageError> {
        let Some(id) = number("SLURM_ARRAY_TASK_ID")? else {
            return Ok(None);
        };
        let min = number("SLURM_ARRAY_TASK_MIN")?.unwrap_or(0);
        id.checked_sub(min)
            .map(Some)
            .ok_or_else(|| UsageError(format!("SLURM_ARRAY_TASK_ID={id} is below SLURM_ARRAY_TASK_MIN={min}")))
    };
    let make = |index: u64, count: u64, origin: String| match Shard::new(index, count) {
        Ok(shard) => Ok(Resolved {
            shard,
            origin: Some(origin),
        }),
        Err(message) => Err(UsageError(format!("{message} ({origin})"))),
    };
    if let Some(count) = shards {
        if count == 0 {
            return Err(UsageError("--shards must be at least 1".into()));
        }
        if let Some(index) = number("JOB_COMPLETION_INDEX")? {
            return make(index, count, format!("JOB_COMPLETION_INDEX={index}, --shards {count}"));
        }
        if let Some(index) = slurm_index()? {
            if let Some(tasks) = number("SLURM_ARRAY_TASK_COUNT")? {
                if tasks != count {
                    return Err(UsageError(format!(
                        "--shards {count} but the Slurm array has SLURM_ARRAY_TASK_COUNT={tasks} tasks; make them equal"
                    )));
                }
            }
            return make(index, count, format!("SLURM_ARRAY_TASK_ID, --shards {count}"));
        }
        return Err(UsageError(format!(
            "--shards {count} needs the worker's index from the job engine (JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID), \
             and neither is set; outside a job engine, use --shard K/{count}"
        )));
    }
    if let Some(index) = slurm_index()? {
        if let Some(count) = number("SLURM_ARRAY_TASK_COUNT")? {
            return make(index, count, format!("Slurm array task {index} of {count}"));
        }
    }
    Ok(Resolved {
        shard: Shard::ALL,
        origin: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashMap;

    fn env(vars: &[(&str, &str)]) -> impl Fn(&str) -> Option<String> {
        let map: HashMap<String, String> = vars.iter().map(|(k, v)| (k.to_string(), v.to_string())).collect();
        move |name: &str| map.get(name).cloned()
    }

    #[test]
    fn shard_syntax_is_checked() {
        assert_eq!("2/4".parse::<Shard>(), Ok(Shard { index: 2, count: 4 }));
        assert_eq!(" 0 / 1 ".parse::<Shard>(), Ok(Shard::ALL));
        for bad in ["4/4", "1/0", "1:4", "a/4", "-1/4", "", "3"] {
            let error = bad.parse::<Shard>().unwrap_err();
            assert!(error.contains("K") || error.contains("at least 1"), "{bad}: {error}");
        }
        assert!("4/4".parse::<Shard>().unwrap_err().contains("from 0 to 3"));
    }

    #[test]
    fn every_hash_lands_in_exactly_one_shard_and_shards_are_balanced() {
        let mut per_shard = [0usize; 4];
        for i in 0..4000 {
            let hash = crate::store::iri::sha256_hex(&format!("document {i}"));
            let holders: Vec<u64> = (0..4).filter(|&k| Shard { index: k, count: 4 }.holds(&hash)).collect();
            assert_eq!(holders.len(), 1);
            per_shard[holders[0] as usize] += 1;
            assert!(Shard::ALL.holds(&hash));
        }
        assert!(per_shard.iter().all(|&n| (900..1100).contains(&n)), "{per_shard:?}");
    }

    #[test]
    fn the_hash_is_read_as_a_big_endian_number() {
        assert_eq!(shard_of("000000000000000a", 16), 10);
        assert_eq!(shard_of("ffffffffffffffffab", 7), u64::MAX % 7);
    }

    #[test]
    fn the_job_engine_gives_k_and_n() {
        let none = env(&[]);
        assert_eq!(resolve(None, None, &none).unwrap().shard, Shard::ALL);
        let flag: Shard = "1/3".parse().unwrap();
        let slurm = env(&[("SLURM_ARRAY_TASK_ID", "2"), ("SLURM_ARRAY_TASK_COUNT", "4")]);
        assert_eq!(resolve(Some(flag), None, &slurm).unwrap().shard, flag, "--shard wins");
        assert_eq!(resolve(None, None, &slurm).unwrap().shard, Shard { index: 2, count: 4 });
        let k8s = env(&[("JOB_COMPLETION_INDEX", "3")]);
        assert_eq!(
            resolve(None, Some(5), &k8s).unwrap().shard,
            Shard { index: 3, count: 5 }
        );
        assert_eq!(
            resolve(None, None, &k8s).unwrap().shard,
            Shard::ALL,
            "an index alone says nothing of N"
        );
        let one_based = env(&[
            ("SLURM_ARRAY_TASK_ID", "4"),
            ("SLURM_ARRAY_TASK_MIN", "1"),
            ("SLURM_ARRAY_TASK_COUNT", "4"),
        ]);
        assert_eq!(
            resolve(None, None, &one_based).unwrap().shard,
            Shard { index: 3, count: 4 }
        );
    }

    #[test]
    fn contradictions_and_garbage_are_usage_errors() {
        type Case<'a> = (Option<u64>, Vec<(&'a str, &'a str)>, &'a str);
        let cases: Vec<Case> = vec![
            (Some(4), vec![], "neither is set"),
            (Some(0), vec![("JOB_COMPLETION_INDEX", "0")], "at least 1"),
            (Some(4), vec![("JOB_COMPLETION_INDEX", "4")], "K goes from 0 to 3"),
            (
                Some(4),
                vec![("JOB_COMPLETION_INDEX", "x")],
                "JOB_COMPLETION_INDEX=\"x\"",
            ),
            (
                Some(4),
                vec![("SLURM_ARRAY_TASK_ID", "1"), ("SLURM_ARRAY_TASK_COUNT", "8")],
                "make them equal",
            ),
            (
                None,
                vec![
                    ("SLURM_ARRAY_TASK_ID", "1"),
                    ("SLURM_ARRAY_TASK_MIN", "2"),
                    ("SLURM_ARRAY_TASK_COUNT", "2"),
                ],
                "below",
            ),
        ];
        for (shards, vars, expected) in cases {
            let error = resolve(None, shards, &env(&vars)).unwrap_err().0;
            assert!(error.contains(expected), "{vars:?}: {error}");
        }
    }
}
