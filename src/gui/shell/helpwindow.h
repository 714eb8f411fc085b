#pragma once

#include <QStringList>
#include <QWidget>

class QLineEdit;
class QTextBrowser;
class QTreeWidget;

namespace etabli {

// The user guide shipped with the application (qrc:/guide, HTML made from
// docs/guide-utilisateur.md at build time), in a window of its own: the
// contents on the left, the guide on the right, a search field. It opens at
// the part that describes the page the user is on.
class HelpWindow final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(HelpWindow)

public:
    explicit HelpWindow(QWidget* parent = nullptr);

    // Shows the heading `topic` names: a chapter, then a heading under it
    // ({"Ventes et clients", "Les factures"}); the chapter alone if the
    // heading is not found, the top if nothing is.
    void showTopic(const QStringList& topic);
    // The heading shown at the top of the window.
    QString currentHeading() const;
    QTextBrowser* browser() const { return m_browser; }

    // The guide's part for a page of the main window: the deepest page shown
    // (through tabs) that the guide describes.
    static QStringList topicOf(const QWidget* page);

private:
    void findNext();

    QTreeWidget* m_contents;
    QTextBrowser* m_browser;
    QLineEdit* m_find;
};

} // namespace etabli
