#pragma once

// Typing as a person does, key by key.

#include <QLineEdit>
#include <QTest>
#include <QWidget>

namespace etabli::test {

// Gives `field` the focus, selects what a line edit holds (typing replaces
// it), then types `text`. QTest::keyClicks takes ASCII only ("é" fails an
// assertion in QtTest): other characters go as a key carrying their text.
inline void typeInto(QWidget* field, const QString& text)
{
    field->setFocus();
    if (auto* line = qobject_cast<QLineEdit*>(field))
        line->selectAll();
    for (const QChar c : text) {
        if (c.unicode() < 0x80)
            QTest::keyClick(field, static_cast<char>(c.unicode()));
        else
            QTest::sendKeyEvent(QTest::Click, field, Qt::Key_unknown, QString(c), Qt::NoModifier);
    }
}

} // namespace etabli::test
