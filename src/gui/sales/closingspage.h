#pragma once

#include "domain/closing.h"
#include "print/yeararchive.h"
#include "util/error.h"

#include <QList>
#include <QWidget>

class QComboBox;
class QLabel;
class QPushButton;
class QTableView;
class QTextBrowser;

namespace etabli {

class ClosingsModel;
class MessageBanner;
class Session;

// "Clôtures": the closings of the sales, newest first, with the selected
// one's figures per VAT rate and payment method and its perpetual grand
// totals; closing the months that are over (up to a chosen one, after a
// confirmation); writing the signed archive of a closed year.
class ClosingsPage final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(ClosingsPage)

public:
    explicit ClosingsPage(Session& session, QWidget* parent = nullptr);
    void reload();

    // Closes the pending months up to `month` (no confirmation: the buttons ask first).
    Result<QList<Closing>> closeUntil(const QDate& month);
    // Writes the archive of `year` into `dir` with the key at `keyPath`.
    Result<print::YearArchive::Written> archive(int year, const QString& dir, const QString& keyPath);
    QTableView* table() const { return m_table; }
    QComboBox* monthChoice() const { return m_months; }
    QComboBox* yearChoice() const { return m_years; }
    QString detailText() const;
    QString pendingText() const;

private:
    void confirmClose();
    void chooseArchive();
    void showDetail();

    Session& m_session;
    MessageBanner* m_banner;
    QLabel* m_pending;
    QComboBox* m_months;
    QPushButton* m_close;
    QComboBox* m_years;
    QPushButton* m_archive;
    ClosingsModel* m_model;
    QTableView* m_table;
    QTextBrowser* m_detail;
};

} // namespace etabli
