#pragma once

#include <QString>

class QComboBox;

namespace etabli {

class Session;

// Fills a combo box with the school's sections (the section id as item
// data), keeping the current choice when it is still there, else choosing
// the user's own section. Signals are blocked while filling.
struct SectionChoice
{
    QString allLabel;         // non-empty: a first item "all" with id 0
    bool activeOnly = false;  // only the open sections
    bool coveredOnly = false; // only those the user acts in (trainers: their own)
    bool preferOwn = true;    // without a previous choice, the user's first section

    void fill(QComboBox* combo, Session& session) const;
};

} // namespace etabli
