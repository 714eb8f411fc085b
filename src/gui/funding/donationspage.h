#pragma once

#include "domain/funding.h"
#include "gui/common/pagedlistpage.h"

class QComboBox;
class QPushButton;

namespace etabli {

class DonationListModel;

// "Dons": the gifts, newest first, searched by donor and read a page at a
// time; a new gift; the tax receipt of one gift, the annual receipts of a
// year, a receipt printed or cancelled; the yearly declaration of receipts
// (art. 222 bis CGI).
class DonationsPage final : public PagedListPage
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(DonationsPage)

public:
    explicit DonationsPage(Session& session, QWidget* parent = nullptr);
    void openRecord(qint64 id) override;
    // The new-gift dialog (tests drive it).
    void newGift();

protected:
    bool mayRead() const override;
    void applyFilters() override;

private:
    qint64 selectedId() const;
    void updateButtons();
    void issueReceipt();
    void issueAnnualReceipts();
    void printReceipt();
    void cancelReceipt();
    void showDeclaration();
    void importHelloAsso();

    DonationListModel* m_list;
    QComboBox* m_filter;
    QPushButton* m_receipt;
    QPushButton* m_annual;
    QPushButton* m_print;
    QPushButton* m_cancel;
    QPushButton* m_declaration;
    QPushButton* m_helloAsso;
};

} // namespace etabli
