#pragma once

#include <cstdint>
#include <QList>

namespace etabli {

// SplitMix64: a tiny generator whose sequence is fixed by its definition, so
// the same seed gives the same demo database on every machine and compiler
// (std:: distributions are implementation-defined).
class DeterministicRandom
{
public:
    explicit DeterministicRandom(std::uint64_t seed) : m_state(seed) {}

    std::uint64_t next()
    {
        std::uint64_t z = (m_state += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30U)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27U)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31U);
    }

    // Uniform in [low, high] (inclusive); the modulo bias is negligible here.
    int between(int low, int high)
    {
        const auto span = static_cast<std::uint64_t>(high - low) + 1U;
        return low + static_cast<int>(next() % span);
    }

    // True with probability percent / 100.
    bool chance(int percent) { return between(1, 100) <= percent; }

    template <typename T> const T& pick(const QList<T>& items)
    {
        return items.at(between(0, static_cast<int>(items.size()) - 1));
    }

private:
    std::uint64_t m_state;
};

} // namespace etabli
