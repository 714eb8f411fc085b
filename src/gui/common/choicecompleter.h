#pragma once

#include <QStringList>

class QCompleter;
class QLineEdit;

namespace etabli {

// What a field proposes as one types, over a list of texts (a catalogue's
// "code — label", the directory's names): a QCompleter on a QStringListModel
// (change it with setChoices), found anywhere in a choice whatever its case,
// whose list is as wide as its longest choice up to the screen's edge — Qt
// makes it as wide as the field, and a narrow field showed "MONT-EQ —
// Montage et équi…".
enum class ChoiceMatch
{
    Contains,   // the completer filters the choices by what is typed
    AsSearched, // the choices are already what a search found: all are shown
};
QCompleter* attachChoiceCompleter(QLineEdit* field, ChoiceMatch match, const QStringList& choices = {});

// The field's choices replaced (a field without attachChoiceCompleter: nothing).
void setChoices(QLineEdit* field, const QStringList& choices);

} // namespace etabli
