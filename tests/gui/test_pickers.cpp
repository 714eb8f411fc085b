// Issue 18, item 7: the contact pickers search like the lists, say what
// they choose, keep their place in the form and offer to create.

#include "gui/common/choicecompleter.h"
#include "gui/common/formdialog.h"
#include "gui/funding/donationspage.h"
#include "gui/sales/contactdialog.h"
#include "gui/sales/customerchooser.h"
#include "support/guidemo.h"
#include "support/guidialogs.h"

#include <catch2/catch.hpp>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QCompleter>
#include <QLineEdit>
#include <QTest>

using namespace etabli;
using test::GuiDemo;
using test::onNextDialog;

TEST_CASE("The donor picker finds Région typed regio, names the donor and keeps the form in place",
          "[gui][pickers]")
{
    GuiDemo d("secretariat");
    DonationsPage page(d.session);
    page.show();
    bool focusedFirst = false;
    QString hint;
    QStringList found;
    QString chosenDetails;
    int heightBefore = 0;
    int heightAfter = 0;
    int dialogBefore = 0;
    int dialogAfter = 0;
    onNextDialog<FormDialog>([&](FormDialog* dialog) {
        auto* chooser = dialog->findChild<CustomerChooser*>();
        REQUIRE(chooser);
        // The focus arrives once the window manager made the dialog active (later on a busy machine).
        focusedFirst = QTest::qWaitFor([&] { return QApplication::focusWidget() == chooser->field(); }, 5000);
        hint = chooser->field()->placeholderText();
        heightBefore = chooser->height();
        dialogBefore = dialog->height();
        QTest::keyClicks(chooser->field(), QStringLiteral("regio"));
        found = chooser->choices();
        if (!found.isEmpty())
            chooser->choose(found.first());
        QApplication::processEvents();
        chosenDetails = chooser->detailsText();
        heightAfter = chooser->height();
        dialogAfter = dialog->height();
        test::closeThrowingAway(dialog);
    });
    page.newGift();
    CHECK(focusedFirst);
    CHECK(hint.contains(QStringLiteral("donateur")));
    REQUIRE(found.size() == 1);
    CHECK(found.first().startsWith(QStringLiteral("Région Bourgogne-Franche-Comté")));
    CHECK_FALSE(chosenDetails.isEmpty());
    CHECK(heightAfter == heightBefore);
    CHECK(dialogAfter == dialogBefore);
}

TEST_CASE("A donor that is not in the directory is created from the picker", "[gui][pickers]")
{
    GuiDemo d("secretariat");
    Database& db = d.session.database();
    FormDialog dialog(QStringLiteral("Don"), nullptr);
    auto* chooser = new CustomerChooser(d.session, CustomerChooser::Choosing::Donor, &dialog);
    dialog.addRow(QStringLiteral("Donateur"), chooser);
    dialog.show();
    QTest::keyClicks(chooser->field(), QStringLiteral("Zabulon-Pierrat"));
    REQUIRE(chooser->choices() == QStringList{QStringLiteral("Créer « Zabulon-Pierrat »…")});
    CHECK(chooser->detailsText().contains(QStringLiteral("Zabulon-Pierrat")));
    bool wasDonor = false;
    QString name;
    onNextDialog<ContactDialog>([&](ContactDialog* contact) {
        name = contact->nameField()->text();
        for (QCheckBox* box : contact->findChildren<QCheckBox*>())
            if (box->text().remove(QLatin1Char('&')) == QStringLiteral("Donateur"))
                wasDonor = box->isChecked();
        contact->saveButton()->click();
    });
    chooser->choose(chooser->choices().first());
    CHECK(name == QStringLiteral("Zabulon-Pierrat"));
    CHECK(wasDonor);
    REQUIRE(chooser->contactId() != 0);
    CHECK(test::rawScalar(
              db, QStringLiteral("SELECT is_donor FROM contact WHERE id = %1").arg(chooser->contactId()))
              .toInt() == 1);
    CHECK(chooser->field()->text() == QStringLiteral("Zabulon-Pierrat"));
}

TEST_CASE("A field's proposals are listed as wide as the longest one, not cut at the field's width",
          "[gui][pickers]")
{
    QWidget form;
    auto* field = new QLineEdit(&form);
    field->setGeometry(10, 10, 120, field->sizeHint().height());
    const QString longest = QStringLiteral("MONT-EQ — Montage et équilibrage d'un pneu");
    QCompleter* completer =
        attachChoiceCompleter(field, ChoiceMatch::Contains, {QStringLiteral("CREV — Réparation"), longest});
    form.resize(400, 100);
    form.show();
    field->setFocus();
    QTest::keyClicks(field, QStringLiteral("mont"));
    QAbstractItemView* popup = completer->popup();
    REQUIRE(QTest::qWaitFor([&] { return popup->isVisible(); }, 5000));
    CHECK(popup->model()->rowCount() == 1);
    CHECK(popup->width() > field->width());
    CHECK(popup->width() >= popup->fontMetrics().horizontalAdvance(longest));
    // New choices, the same width rule.
    setChoices(field, {QStringLiteral("MONT — Montage")});
    CHECK(completer->model()->rowCount() == 1);
}
