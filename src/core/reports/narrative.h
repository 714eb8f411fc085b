#pragma once

#include <QString>

namespace etabli {

// The activity report's narrative for a school year, written as rich text
// (HTML) in the application: what went well, what was hard, what comes next.
struct ReportNarrative
{
    QString schoolYear; // "2025-2026"
    QString highlights;
    QString difficulties;
    QString outlook;

    bool isEmpty() const { return highlights.isEmpty() && difficulties.isEmpty() && outlook.isEmpty(); }
};

} // namespace etabli
