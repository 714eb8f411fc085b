// Issue 18, item 18: the words the office reads after an action.

#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/pagedlistmodel.h"
#include "gui/funding/donationspage.h"
#include "gui/sales/customerchooser.h"
#include "gui/sales/invoicespage.h"
#include "services/traineeimportservice.h"
#include "support/guidemo.h"
#include "support/guidialogs.h"
#include "support/viewcells.h"

#include <catch2/catch.hpp>
#include <QLineEdit>
#include <QMessageBox>
#include <QPushButton>
#include <QTableWidget>

using namespace etabli;
using test::GuiDemo;
using test::onNextDialog;

TEST_CASE("A paid invoice reads Payée in the list, an unpaid one À régler or En retard", "[gui][wording]")
{
    GuiDemo d("secretariat");
    InvoicesPage page(d.session);
    page.show();
    QStringList states;
    for (int r = 0; r < test::rows(page.table()); ++r)
        states << test::cell(page.table(), r, 6);
    CHECK(states.contains(QStringLiteral("Payée")));
    CHECK_FALSE(states.contains(QStringLiteral("Facture")));
    for (const QString& s : states) {
        INFO(s.toStdString());
        CHECK((s == QStringLiteral("Payée") || s == QStringLiteral("À régler") ||
               s == QStringLiteral("En retard") || s == QStringLiteral("Avoir") ||
               s.contains(QStringLiteral("brouillon"))));
    }
}

TEST_CASE("A gift of nothing is refused in words, an issued receipt is named by its number", "[gui][wording]")
{
    GuiDemo d("secretariat");
    DonationsPage page(d.session);
    page.show();
    QString refusal;
    onNextDialog<FormDialog>([&refusal](FormDialog* dialog) {
        dialog->findChild<CustomerChooser*>()->setContact(1);
        for (QLineEdit* f : dialog->findChildren<QLineEdit*>())
            if (f->placeholderText() == QStringLiteral("0,00 €"))
                f->setText(QStringLiteral("0"));
        dialog->accept();
        refusal = dialog->banner()->text();
        test::closeThrowingAway(dialog);
    });
    page.newGift();
    CHECK(refusal == QStringLiteral("Le montant d'un don doit être supérieur à zéro."));

    // A gift of this year without a receipt, from a person: its receipt, by number.
    auto* filter = page.findChildren<QComboBox*>().value(0);
    REQUIRE(filter);
    filter->setCurrentIndex(filter->findData(true));
    QTest::qWait(50);
    int row = -1;
    for (int r = 0; r < test::rows(page.table()) && row < 0; ++r) {
        const qint64 gift = page.model()->idAt(r);
        if (test::rawScalar(
                d.session.database(),
                QStringLiteral("SELECT c.person FROM donation g JOIN contact c ON c.id = g.contact_id "
                               "WHERE g.id = %1 AND g.day >= '2026-01-01'")
                    .arg(gift))
                .toInt() == 1)
            row = r;
    }
    REQUIRE(row >= 0);
    page.table()->setCurrentIndex(page.table()->model()->index(row, 0));
    onNextDialog<QMessageBox>([](QMessageBox* box) { box->button(QMessageBox::Yes)->click(); });
    for (QPushButton* b : page.findChildren<QPushButton*>())
        if (b->text() == QStringLiteral("Émettre le &reçu"))
            b->click();
    const QString said = page.findChild<MessageBanner*>()->text();
    INFO(said.toStdString());
    CHECK(said.startsWith(QStringLiteral("Le reçu fiscal R2026-")));
    CHECK(said.endsWith(QStringLiteral(" est émis.")));
}

TEST_CASE("The import's problems make one sentence", "[gui][wording][import]")
{
    const QString problem =
        TraineeImportService::joinProblems({QStringLiteral("« 31/02/2010 » n'est pas une date (jj/mm/aaaa)."),
                                            QStringLiteral("déjà dans la base (fiche n°12)")});
    CHECK(problem ==
          QStringLiteral("« 31/02/2010 » n'est pas une date (jj/mm/aaaa) ; déjà dans la base (fiche n°12)"));
}
