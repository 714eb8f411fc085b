#include "gui/common/formdialog.h"
#include "gui/common/messagebanner.h"
#include "gui/common/session.h"
#include "gui/settings/settingspage.h"
#include "gui/trainees/importdialog.h"
#include "services/accountingservice.h"
#include "services/schoolservice.h"
#include "support/guidialogs.h"
#include "support/salesfixture.h"
#include "support/testdatabase.h"
#include "support/viewcells.h"
#include "util/appsettings.h"

#include <catch2/catch.hpp>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QLabel>
#include <QLineEdit>
#include <QListWidget>
#include <QPlainTextEdit>
#include <QPushButton>
#include <QScrollArea>
#include <QScrollBar>
#include <QTableWidget>
#include <QTest>
#include <QWheelEvent>

using namespace etabli;

namespace {

struct SettingsFixture
{
    test::TestDatabase t;
    AppSettings settings;
    Session session;
    std::unique_ptr<SettingsPage> page;

    SettingsFixture() : settings(QDir(t.dir()).filePath(QStringLiteral("settings.ini")))
    {
        test::createSchool(t.db());
        t.close();
        auto db = t.reopen();
        REQUIRE(db);
        session.setDatabase(std::move(*db));
        session.setUser(
            test::logIn(session.database(), QStringLiteral("direction"), test::directorPassword()));
        page = std::make_unique<SettingsPage>(session, settings);
        page->show();
    }

    template <typename T> T* child(const char* name)
    {
        return page->findChild<T*>(QString::fromLatin1(name));
    }
    SchoolIdentity stored()
    {
        return *SchoolService(session.database(), session.clock(), session.user()).identity();
    }
};

} // namespace

TEST_CASE("Typing in the settings and saving writes the database", "[gui][settings]")
{
    SettingsFixture f;
    auto* city = f.child<QLineEdit>("city");
    auto* siret = f.child<QLineEdit>("siret");
    auto* save = f.child<QPushButton>("save");
    REQUIRE(city);
    CHECK_FALSE(save->isEnabled());
    QTest::keyClicks(city, QStringLiteral("Dole"));
    QTest::keyClicks(siret, QStringLiteral("753 124 680 00012"));
    CHECK(f.page->hasUnsavedChanges());
    CHECK(save->isEnabled());
    auto* fiscal = f.child<QComboBox>("fiscalYearStartMonth");
    fiscal->setCurrentIndex(8);
    QTest::keyClicks(f.child<QPlainTextEdit>("statutoryObject"),
                     QStringLiteral("Former des jeunes par la production"));
    QTest::keyClicks(f.child<QLineEdit>("receiptSignatoryName"), QStringLiteral("Paul Girardot"));
    QTest::keyClicks(f.child<QLineEdit>("receiptSignatoryCapacity"), QStringLiteral("Directrice"));
    QTest::mouseClick(save, Qt::LeftButton);

    const SchoolIdentity s = f.stored();
    CHECK(s.statutoryObject == QStringLiteral("Former des jeunes par la production"));
    CHECK(s.receiptSignatoryName == QStringLiteral("Paul Girardot"));
    CHECK(s.receiptSignatoryCapacity == QStringLiteral("Directrice"));
    CHECK(s.city == QStringLiteral("Dole"));
    CHECK(s.siret == QStringLiteral("75312468000012"));
    CHECK(s.fiscalYearStartMonth == 9);
    CHECK_FALSE(f.page->hasUnsavedChanges());
    CHECK(f.page->banner()->kind() == MessageBanner::Kind::Success);
}

TEST_CASE("A bad SIRET is explained and nothing is saved", "[gui][settings]")
{
    SettingsFixture f;
    const SchoolIdentity before = f.stored();
    QTest::keyClicks(f.child<QLineEdit>("siret"), QStringLiteral("12345678901234"));
    QTest::keyClicks(f.child<QLineEdit>("city"), QStringLiteral("Dole"));
    QTest::mouseClick(f.child<QPushButton>("save"), Qt::LeftButton);
    CHECK(f.page->banner()->isVisible());
    CHECK(f.page->banner()->kind() == MessageBanner::Kind::Error);
    CHECK(f.page->banner()->text().contains(QStringLiteral("SIRET")));
    CHECK(f.stored() == before);
    CHECK(f.page->hasUnsavedChanges());

    // "Annuler les modifications" brings the stored values back.
    QTest::mouseClick(f.child<QPushButton>("revert"), Qt::LeftButton);
    CHECK(f.child<QLineEdit>("city")->text().isEmpty());
    CHECK_FALSE(f.page->hasUnsavedChanges());
}

TEST_CASE("The school's IBAN is typed as the bank prints it, checked, and shown in groups of four",
          "[gui][settings]")
{
    SettingsFixture f;
    const SchoolIdentity before = f.stored();
    auto* iban = f.child<QLineEdit>("iban");
    auto* bic = f.child<QLineEdit>("bic");
    REQUIRE(iban);
    REQUIRE(bic);
    // Reached with Tab from the RNA number, as the form reads.
    QApplication::setActiveWindow(f.page.get());
    REQUIRE(QTest::qWaitForWindowActive(f.page.get()));
    auto* rna = f.child<QLineEdit>("rna");
    rna->setFocus();
    QTest::keyClick(rna, Qt::Key_Tab);
    CHECK(QApplication::focusWidget() == iban);

    // One digit wrong: said in French, nothing saved.
    QTest::keyClicks(iban, QStringLiteral("FR76 9999 9000 0100 0123 4567 808"));
    QTest::keyClick(iban, Qt::Key_Tab);
    QTest::keyClicks(bic, QStringLiteral("demofrpp"));
    QTest::keyClick(bic, Qt::Key_S, Qt::ControlModifier);
    CHECK(f.page->banner()->kind() == MessageBanner::Kind::Error);
    CHECK(f.page->banner()->text().contains(QStringLiteral("clé de contrôle")));
    CHECK(f.page->banner()->text().contains(QStringLiteral("FR76 9999 9000 0100 0123 4567 808")));
    CHECK(f.stored() == before);

    // Corrected: stored without spaces, shown back in groups of four.
    iban->selectAll();
    QTest::keyClick(iban, Qt::Key_Backspace);
    QTest::keyClicks(iban, QStringLiteral("fr7699999000010001234567809"));
    QTest::keyClick(iban, Qt::Key_S, Qt::ControlModifier);
    CHECK(f.page->banner()->kind() == MessageBanner::Kind::Success);
    CHECK(f.stored().iban == QStringLiteral("FR7699999000010001234567809"));
    CHECK(f.stored().bic == QStringLiteral("DEMOFRPP"));
    CHECK(iban->text() == QStringLiteral("FR76 9999 9000 0100 0123 4567 809"));
    CHECK(bic->text() == QStringLiteral("DEMOFRPP"));
}

TEST_CASE("The settings page lists the sections and saves with Ctrl+S", "[gui][settings]")
{
    SettingsFixture f;
    auto* list = f.child<QListWidget>("sectionsList");
    REQUIRE(list->count() == 2);
    CHECK(list->item(0)->text() == QStringLiteral("Pneus et services"));
    CHECK(list->item(1)->text() == QStringLiteral("Métallerie"));

    list->setCurrentRow(1);
    QTest::mouseClick(f.child<QPushButton>("toggleSection"), Qt::LeftButton);
    CHECK(list->item(1)->text().contains(QStringLiteral("inactive")));
    CHECK(SchoolService(f.session.database(), f.session.clock(), f.session.user()).sections(true)->size() ==
          1);
    CHECK(f.child<QPushButton>("toggleSection")->text().remove(QLatin1Char('&')) ==
          QStringLiteral("Réactiver"));

    auto* name = f.child<QLineEdit>("name");
    QApplication::setActiveWindow(f.page.get());
    REQUIRE(QTest::qWaitForWindowActive(f.page.get()));
    name->setFocus();
    name->selectAll();
    QTest::keyClicks(name, QStringLiteral("Juralternance Dole"));
    QTest::keyClick(name, Qt::Key_S, Qt::ControlModifier);
    CHECK(f.stored().name == QStringLiteral("Juralternance Dole"));
}

TEST_CASE("Scrolling the settings with the wheel over a field changes nothing (issue 18, item 4)",
          "[gui][settings]")
{
    SettingsFixture f;
    f.page->resize(1100, 500); // small enough to scroll
    auto* vat = f.child<QComboBox>("vatRegime");
    REQUIRE(vat);
    const int before = vat->currentIndex();
    QScrollArea* area = nullptr;
    for (QWidget* up = vat->parentWidget(); up && !area; up = up->parentWidget())
        area = qobject_cast<QScrollArea*>(up);
    const int scrolledBefore = area ? area->verticalScrollBar()->value() : 0;
    const auto wheel = [](QWidget* target, int delta) {
        const QPointF centre = target->rect().center();
        QWheelEvent event(centre, target->mapToGlobal(centre), QPoint(), QPoint(0, delta), Qt::NoButton,
                          Qt::NoModifier, Qt::NoScrollPhase, false);
        QApplication::sendEvent(target, &event);
    };
    for (int delta : {-120, -120, 120, -120})
        wheel(vat, delta);
    CHECK(vat->currentIndex() == before);
    CHECK_FALSE(f.child<QPushButton>("save")->isEnabled()); // nothing to save
    if (area && area->verticalScrollBar()->maximum() > 0)
        CHECK(area->verticalScrollBar()->value() != scrolledBefore); // the form scrolled instead

    // Once the user chose the field, the wheel is theirs.
    QApplication::setActiveWindow(f.page.get());
    vat->setFocus();
    REQUIRE(vat->hasFocus());
    wheel(vat, -120);
    CHECK(vat->currentIndex() != before);
}

TEST_CASE("A section's CAP is ticked in the settings, and a spreadsheet's “CAP” column is read as it (issue "
          "18, item 17)",
          "[gui][settings][import]")
{
    SettingsFixture f;
    const QByteArray bytes =
        QStringLiteral("Nom;Prénom;Date de naissance;Section;Date d'entrée;CAP;Session\r\n"
                       "Vernier;Lou;12/03/2008;Métallerie;02/09/2023;obtenu;2025\r\n")
            .toUtf8();
    {
        // A new school said nothing of its sections' CAP: the file is refused, the candidates named.
        ImportDialog before(f.session);
        before.show();
        CHECK_FALSE(before.load(bytes));
        const QString refused = before.findChild<QLabel*>(QStringLiteral("summary"))->text();
        CHECK(refused.contains(QStringLiteral("CAP MV ou CAP métallier")));
        CHECK(refused.contains(QStringLiteral("Certifications préparées")));
    }

    auto* list = f.child<QListWidget>("sectionsList");
    list->setCurrentRow(1);
    auto* button = f.child<QPushButton>("preparedCertifications");
    CHECK(button->text().remove(QLatin1Char('&')) == QStringLiteral("Certifications préparées…"));
    QString title;
    test::onNextDialog<FormDialog>([&title](FormDialog* dialog) {
        title = dialog->windowTitle();
        for (QCheckBox* box : dialog->findChildren<QCheckBox*>()) {
            if (box->text().startsWith(QStringLiteral("CAP métallier"))) {
                box->setFocus();
                QTest::keyClick(box, Qt::Key_Space);
            }
        }
        QTest::keyClick(dialog, Qt::Key_S, Qt::ControlModifier);
    });
    QTest::mouseClick(button, Qt::LeftButton);
    CHECK(title == QStringLiteral("Certifications préparées — Métallerie"));
    CHECK(list->item(1)->text() == QStringLiteral("Métallerie (CAP métallier)"));
    CHECK(f.page->findChild<MessageBanner*>()->text().contains(QStringLiteral("sont enregistrées")));

    ImportDialog after(f.session);
    after.show();
    REQUIRE(after.load(bytes));
    CHECK(test::cell(after.table(), 0, 3) == QStringLiteral("CAP métallier : obtenu (2025)"));
    CHECK(test::cell(after.table(), 0, 4) == QStringLiteral("prête"));
}

TEST_CASE("The chart of accounts is adapted in the settings: a wrong number is named, nothing saved",
          "[gui][settings][fec]")
{
    SettingsFixture f;
    auto* button = f.child<QPushButton>("chartOfAccounts");
    REQUIRE(button);
    QString firstMessage;
    bool saved = false;
    test::onNextDialog<FormDialog>([&](FormDialog* dialog) {
        // The bank's row: its number, then its name.
        QLineEdit* number = nullptr;
        QLineEdit* name = nullptr;
        for (QLineEdit* e : dialog->findChildren<QLineEdit*>()) {
            if (e->accessibleName() == QStringLiteral("Banque : numéro"))
                number = e;
            if (e->accessibleName() == QStringLiteral("Banque : nom"))
                name = e;
        }
        REQUIRE(number);
        REQUIRE(name);
        CHECK(number->text() == QStringLiteral("512"));
        number->setText(QStringLiteral("51A"));
        dialog->accept();
        firstMessage = dialog->banner()->text();
        CHECK(dialog->isVisible());
        number->setText(QStringLiteral("512100"));
        name->setText(QStringLiteral("Crédit Mutuel"));
        dialog->accept();
        saved = !dialog->isVisible();
    });
    QTest::mouseClick(button, Qt::LeftButton);
    CHECK(firstMessage.contains(QStringLiteral("numéro de compte")));
    CHECK(saved);
    AccountingService accounting(f.session.database(), f.session.clock(), f.session.user());
    const auto accounts = test::required(accounting.accounts());
    bool found = false;
    for (const LedgerAccountSetting& a : accounts)
        if (a.role == LedgerAccount::Bank)
            found = a.number == QStringLiteral("512100") && a.label == QStringLiteral("Crédit Mutuel");
    CHECK(found);
    CHECK(f.page->banner()->text().contains(QStringLiteral("plan comptable")));
}
