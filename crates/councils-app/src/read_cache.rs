//! Reads kept in memory between writes, so the pages read most (a member's session, a
//! council's page) do not go to the database while nothing has changed.
//!
//! Every entry is tagged with the store's write generation at the moment the read began. An
//! entry is served only while the generation is still the same, so any write at all (the store
//! counts each one before it is acknowledged) makes every earlier read stale at once. There is
//! no invalidation to forget. When the store cannot promise to see every write (PostgreSQL,
//! where other processes write too) nothing is cached.

use std::collections::HashMap;
use std::hash::Hash;
use std::sync::{Arc, RwLock};

/// A bounded map of reads, each valid for one write generation.
pub struct ReadCache<K, V> {
    entries: RwLock<HashMap<K, (u64, Arc<V>)>>,
    capacity: usize,
}

impl<K: Eq + Hash, V> ReadCache<K, V> {
    /// A cache that holds at most `capacity` entries; when full it starts again empty, which
    /// costs one read per entry and keeps memory bounded without bookkeeping.
    pub fn new(capacity: usize) -> Self {
        Self {
            entries: RwLock::new(HashMap::new()),
            capacity,
        }
    }

    /// The value read at `generation`, if there is one.
    pub fn get(&self, key: &K, generation: u64) -> Option<Arc<V>> {
        let entries = self.entries.read().unwrap_or_else(|e| e.into_inner());
        match entries.get(key) {
            Some((at, value)) if *at == generation => Some(value.clone()),
            _ => None,
        }
    }

    /// Keeps a value read at `generation` (the generation taken before the read began).
    pub fn put(&self, key: K, generation: u64, value: Arc<V>) {
        let mut entries = self.entries.write().unwrap_or_else(|e| e.into_inner());
        if entries.len() >= self.capacity {
            entries.retain(|_, (at, _)| *at == generation);
            if entries.len() >= self.capacity {
                entries.clear();
            }
        }
        entries.insert(key, (generation, value));
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_value_is_served_only_at_the_generation_it_was_read() {
        let cache = ReadCache::new(4);
        cache.put("a", 7, Arc::new(1));
        assert_eq!(cache.get(&"a", 7).as_deref(), Some(&1));
        assert_eq!(cache.get(&"a", 8), None);
    }

    #[test]
    fn a_full_cache_drops_stale_entries_first_and_never_grows_past_its_capacity() {
        let cache = ReadCache::new(2);
        cache.put("old", 1, Arc::new(0));
        cache.put("a", 2, Arc::new(1));
        cache.put("b", 2, Arc::new(2));
        assert_eq!(cache.get(&"a", 2).as_deref(), Some(&1));
        assert_eq!(cache.get(&"b", 2).as_deref(), Some(&2));
        cache.put("c", 2, Arc::new(3));
        let held = ["a", "b", "c"]
            .iter()
            .filter(|k| cache.get(k, 2).is_some())
            .count();
        assert!(held <= 2);
        assert_eq!(cache.get(&"c", 2).as_deref(), Some(&3));
    }
}
