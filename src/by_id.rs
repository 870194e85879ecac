//! `ById<V>`: a small map from string ids to values, kept sorted by id.
//!
//! The widget's maps are tiny (three goals, eight factors, a hundred
//! interface words), and a sorted `Vec` does the job with far less code in
//! the wasm than `BTreeMap`, whose every instantiation costs kilobytes. It
//! reads and writes as a JSON object, exactly as `BTreeMap` did.

use std::fmt;
use std::marker::PhantomData;

use serde::de::{MapAccess, Visitor};
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

#[derive(Clone, PartialEq, Eq)]
pub struct ById<V> {
    entries: Vec<(String, V)>,
}

impl<V> Default for ById<V> {
    fn default() -> Self {
        ById {
            entries: Vec::new(),
        }
    }
}

impl<V> ById<V> {
    pub fn new() -> Self {
        Self::default()
    }

    fn find(&self, id: &str) -> Result<usize, usize> {
        self.entries.binary_search_by(|(k, _)| k.as_str().cmp(id))
    }

    pub fn get(&self, id: &str) -> Option<&V> {
        self.find(id).ok().map(|i| &self.entries[i].1)
    }

    pub fn contains_key(&self, id: &str) -> bool {
        self.find(id).is_ok()
    }

    /// Sets the value for `id`, returning the one it replaced.
    pub fn insert(&mut self, id: String, value: V) -> Option<V> {
        match self.find(&id) {
            Ok(i) => Some(std::mem::replace(&mut self.entries[i].1, value)),
            Err(i) => {
                self.entries.insert(i, (id, value));
                None
            }
        }
    }

    pub fn remove(&mut self, id: &str) -> Option<V> {
        self.find(id).ok().map(|i| self.entries.remove(i).1)
    }

    pub fn retain(&mut self, mut keep: impl FnMut(&String, &mut V) -> bool) {
        self.entries.retain_mut(|(k, v)| keep(k, v));
    }

    pub fn len(&self) -> usize {
        self.entries.len()
    }

    pub fn is_empty(&self) -> bool {
        self.entries.is_empty()
    }

    /// Entries in id order.
    pub fn iter(&self) -> impl Iterator<Item = (&String, &V)> {
        self.entries.iter().map(|(k, v)| (k, v))
    }

    pub fn keys(&self) -> impl Iterator<Item = &String> {
        self.entries.iter().map(|(k, _)| k)
    }

    pub fn values(&self) -> impl Iterator<Item = &V> {
        self.entries.iter().map(|(_, v)| v)
    }
}

impl<V> ById<V> {
    /// Sorts once and drops repeated ids (the later entry wins, as in JSON):
    /// n log n, where inserting one by one in reverse order would move the
    /// whole map each time (a hostile pack or link with many keys).
    fn from_entries(entries: Vec<(String, V)>) -> Self {
        let order = sorted_order(&entries.iter().map(|(k, _)| k.as_str()).collect::<Vec<_>>());
        let mut slots: Vec<Option<(String, V)>> = entries.into_iter().map(Some).collect();
        let mut kept: Vec<(String, V)> = Vec::with_capacity(slots.len());
        for i in order {
            let Some((k, v)) = slots.get_mut(i).and_then(Option::take) else {
                continue;
            };
            match kept.last_mut() {
                Some(last) if last.0 == k => last.1 = v,
                _ => kept.push((k, v)),
            }
        }
        ById { entries: kept }
    }
}

/// The order that sorts `keys`, equal keys in their given order.
fn sorted_order(keys: &[&str]) -> Vec<usize> {
    if keys.windows(2).all(|w| w[0] <= w[1]) {
        return (0..keys.len()).collect(); // already sorted: packs and saves are written in order
    }
    stable_order(keys.len(), &|a, b| keys[a] < keys[b])
}

/// The order (indices) that sorts `n` items by `before(a, b)`, "item `a`
/// goes before item `b`"; items where neither goes first keep their given
/// order. Not generic, and a heapsort of our own (n log n, a few hundred
/// bytes): each use of the standard library's stable sort adds about 4 kB
/// to the wasm (docs/SIZE.md).
pub fn stable_order(n: usize, before: &dyn Fn(usize, usize) -> bool) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    // Ties broken by position, so the heapsort is stable in effect.
    let less = |a: usize, b: usize| before(a, b) || (!before(b, a) && a < b);
    let sift = |order: &mut [usize], mut root: usize, end: usize| loop {
        let mut child = 2 * root + 1;
        if child >= end {
            break;
        }
        if child + 1 < end && less(order[child], order[child + 1]) {
            child += 1;
        }
        if !less(order[root], order[child]) {
            break;
        }
        order.swap(root, child);
        root = child;
    };
    let n = order.len();
    for start in (0..n / 2).rev() {
        sift(&mut order, start, n);
    }
    for end in (1..n).rev() {
        order.swap(0, end);
        sift(&mut order, 0, end);
    }
    order
}

impl<V> FromIterator<(String, V)> for ById<V> {
    /// Later entries win over earlier ones with the same id, as in JSON.
    fn from_iter<I: IntoIterator<Item = (String, V)>>(iter: I) -> Self {
        ById::from_entries(iter.into_iter().collect())
    }
}

impl<V> IntoIterator for ById<V> {
    type Item = (String, V);
    type IntoIter = std::vec::IntoIter<(String, V)>;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.into_iter()
    }
}

impl<'a, V> IntoIterator for &'a ById<V> {
    type Item = (&'a String, &'a V);
    type IntoIter = std::iter::Map<
        std::slice::Iter<'a, (String, V)>,
        fn(&'a (String, V)) -> (&'a String, &'a V),
    >;
    fn into_iter(self) -> Self::IntoIter {
        self.entries.iter().map(|(k, v)| (k, v))
    }
}

impl<V: fmt::Debug> fmt::Debug for ById<V> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

impl<V: Serialize> Serialize for ById<V> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(self.entries.len()))?;
        for (k, v) in &self.entries {
            map.serialize_entry(k, v)?;
        }
        map.end()
    }
}

impl<'de, V: Deserialize<'de>> Deserialize<'de> for ById<V> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        struct MapVisitor<V>(PhantomData<V>);
        impl<'de, V: Deserialize<'de>> Visitor<'de> for MapVisitor<V> {
            type Value = ById<V>;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a map of ids to values")
            }
            fn visit_map<A: MapAccess<'de>>(self, mut access: A) -> Result<Self::Value, A::Error> {
                let mut entries = Vec::new();
                while let Some(entry) = access.next_entry::<String, V>()? {
                    entries.push(entry);
                }
                Ok(ById::from_entries(entries))
            }
        }
        deserializer.deserialize_map(MapVisitor(PhantomData))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_ids_sorted_and_replaces_on_insert() {
        let mut map = ById::new();
        assert_eq!(map.insert("b".into(), 2), None);
        map.insert("a".into(), 1);
        assert_eq!(map.insert("b".into(), 3), Some(2));
        assert_eq!(map.keys().collect::<Vec<_>>(), ["a", "b"]);
        assert_eq!(map.get("b"), Some(&3));
        assert_eq!(map.remove("a"), Some(1));
        assert!(!map.contains_key("a"));
        assert_eq!(map.len(), 1);
    }

    #[test]
    fn many_ids_in_reverse_order_are_read_in_n_log_n() {
        // 100,000 ids in reverse order: inserting one by one moves the whole
        // map each time (5 billion entry moves, over 20 s); sorting once does
        // not (well under a second, even unoptimised on a busy machine).
        let ids: Vec<(String, u32)> = (0..100_000u32)
            .rev()
            .map(|n| (format!("k{n:06}"), n))
            .chain([("k000001".to_owned(), 7)])
            .collect();
        let started = std::time::Instant::now();
        let map: ById<u32> = ids.into_iter().collect();
        assert!(started.elapsed() < std::time::Duration::from_secs(5));
        assert_eq!(map.len(), 100_000);
        assert_eq!(map.get("k000001"), Some(&7), "the later entry wins");
        assert!(map.keys().zip(map.keys().skip(1)).all(|(a, b)| a < b));
    }

    #[test]
    fn the_order_sorts_any_keys_and_keeps_equal_ones_in_place() {
        let keys = ["d", "b", "a", "b", "c", "a", "e", "a"];
        let order = sorted_order(&keys);
        assert_eq!(order, [2, 5, 7, 1, 3, 4, 0, 6]);
        assert_eq!(sorted_order(&[]), Vec::<usize>::new());
        assert_eq!(sorted_order(&["a", "b"]), [0, 1]);
    }

    #[test]
    fn the_order_by_any_rule_is_the_standard_stable_sort() {
        // 500 keys with many ties, from a small linear congruential generator.
        let mut seed = 7u32;
        let keys: Vec<u32> = (0..500)
            .map(|_| {
                seed = seed.wrapping_mul(1_103_515_245).wrapping_add(12_345);
                (seed >> 16) % 13
            })
            .collect();
        let mut expected: Vec<usize> = (0..keys.len()).collect();
        expected.sort_by_key(|&i| keys[i]);
        assert_eq!(
            stable_order(keys.len(), &|a, b| keys[a] < keys[b]),
            expected
        );
        expected.sort_by_key(|&i| std::cmp::Reverse(keys[i]));
        assert_eq!(
            stable_order(keys.len(), &|a, b| keys[a] > keys[b]),
            expected
        );
        assert_eq!(stable_order(0, &|_, _| true), Vec::<usize>::new());
    }

    #[test]
    fn reads_and_writes_a_json_object_like_btreemap() {
        let map: ById<u8> = serde_json::from_str(r#"{"z": 1, "a": 2, "z": 3}"#).unwrap();
        assert_eq!(serde_json::to_string(&map).unwrap(), r#"{"a":2,"z":3}"#);
    }
}
