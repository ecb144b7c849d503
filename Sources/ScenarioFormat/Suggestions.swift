/// "Did you mean" suggestions for misspelled keys, ids and role names.
enum Suggestions {
    /// The candidate closest to `word`, when it is close enough to be a plausible misspelling.
    static func closest(to word: String, in candidates: some Collection<String>) -> String? {
        // Bounded work: no suggestion for absurdly long words or very large candidate sets.
        guard word.count <= 200, candidates.count <= 20_000 else { return nil }
        let lowered = word.lowercased()
        var best: (candidate: String, distance: Int)?
        for candidate in candidates where abs(candidate.count - word.count) <= max(4, word.count / 2) {
            let distance = candidate.lowercased() == lowered ? 0 : editDistance(lowered, candidate.lowercased())
            if distance < (best?.distance ?? Int.max) || (distance == best?.distance && candidate < (best?.candidate ?? "")) {
                best = (candidate, distance)
            }
        }
        // A truncated name ("Global Admin") is a prefix of the intended one: prefer the shortest such.
        if lowered.count >= 4 {
            let prefixed = candidates.filter { $0.lowercased().hasPrefix(lowered) && $0.lowercased() != lowered }
            if let shortest = prefixed.min(by: { ($0.count, $0) < ($1.count, $1) }) { return shortest }
        }
        guard let best else { return nil }
        let allowed = max(2, min(word.count, best.candidate.count) / 3)
        return best.distance <= allowed ? best.candidate : nil
    }

    /// `; did you mean 'x'?` or an empty string.
    static func hint(for word: String, in candidates: some Collection<String>) -> String {
        closest(to: word, in: candidates).map { "; did you mean '\($0)'?" } ?? ""
    }

    /// Levenshtein distance over Unicode scalars, with a two-row table.
    static func editDistance(_ a: String, _ b: String) -> Int {
        let left = Array(a.unicodeScalars)
        let right = Array(b.unicodeScalars)
        if left.isEmpty { return right.count }
        if right.isEmpty { return left.count }
        var previous = Array(0...right.count)
        var current = [Int](repeating: 0, count: right.count + 1)
        for i in 1...left.count {
            current[0] = i
            for j in 1...right.count {
                let substitution = previous[j - 1] + (left[i - 1] == right[j - 1] ? 0 : 1)
                current[j] = min(previous[j] + 1, current[j - 1] + 1, substitution)
            }
            swap(&previous, &current)
        }
        return previous[right.count]
    }
}
