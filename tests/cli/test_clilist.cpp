#include "cli/clirun.h"

#include <catch2/catch.hpp>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>
#include <QSet>

using etabli::test::cli;
using etabli::test::demoPassword;
using etabli::test::firstRow;
using etabli::test::schoolDemo;

TEST_CASE("etabli-cli list invoices pages as the invoices' page does, with the account's rights",
          "[cli][paging]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    const QStringList common = {QStringLiteral("--database"), db, QStringLiteral("--user"),
                                QStringLiteral("secretariat")};
    const qint64 invoices =
        firstRow(db, QStringLiteral("SELECT count(*) FROM invoice")).value(0).toLongLong();
    REQUIRE(invoices > 100);

    // The first page in CSV: the newest invoice first; the key to go on, on the error stream.
    auto first = cli(QStringList{QStringLiteral("list"), QStringLiteral("invoices"),
                                 QStringLiteral("--limit"), QStringLiteral("60")} +
                         common,
                     demoPassword());
    INFO(first.err.toStdString());
    REQUIRE(first.code == 0);
    QStringList lines = first.out.split(QStringLiteral("\r\n"), Qt::SkipEmptyParts);
    REQUIRE(lines.size() == 61);
    CHECK(
        lines.at(0).endsWith(QStringLiteral("id;number;kind;status;issue_date;due_date;customer;total;due")));
    const QString newest =
        firstRow(db,
                 QStringLiteral("SELECT number FROM invoice ORDER BY COALESCE(issue_date, substr(created_at, "
                                "1, 10)) DESC, id DESC LIMIT 1"))
            .value(0)
            .toString();
    CHECK(lines.at(1).section(QLatin1Char(';'), 1, 1) == newest);
    const auto key = QRegularExpression(QStringLiteral("--after (\\S+)")).match(first.err);
    REQUIRE(key.hasMatch());

    // Every page after it in JSON, until no key is given: each invoice once.
    QSet<QString> ids;
    for (int r = 1; r < lines.size(); ++r)
        ids.insert(lines.at(r).section(QLatin1Char(';'), 0, 0));
    QString after = key.captured(1);
    int pages = 1;
    while (!after.isEmpty() && pages < 100) {
        auto next =
            cli(QStringList{QStringLiteral("list"), QStringLiteral("invoices"), QStringLiteral("--after"),
                            after, QStringLiteral("--limit"), QStringLiteral("60"),
                            QStringLiteral("--format"), QStringLiteral("json")} +
                    common,
                demoPassword());
        REQUIRE(next.code == 0);
        const QJsonObject page = QJsonDocument::fromJson(next.out.toUtf8()).object();
        for (const QJsonValue& row : page.value(QStringLiteral("rows")).toArray()) {
            const QString id = QString::number(row.toObject().value(QStringLiteral("id")).toInteger());
            CHECK_FALSE(ids.contains(id));
            ids.insert(id);
        }
        after = page.value(QStringLiteral("next")).toString();
        ++pages;
    }
    CHECK(ids.size() == invoices);

    // The unpaid ones only, as the page's filter.
    auto unpaid =
        cli(QStringList{QStringLiteral("list"), QStringLiteral("invoices"), QStringLiteral("--unpaid"),
                        QStringLiteral("--format"), QStringLiteral("json"), QStringLiteral("--limit"),
                        QStringLiteral("10000")} +
                common,
            demoPassword());
    REQUIRE(unpaid.code == 0);
    const QJsonArray open =
        QJsonDocument::fromJson(unpaid.out.toUtf8()).object().value(QStringLiteral("rows")).toArray();
    CHECK(open.size() ==
          firstRow(db, QStringLiteral("SELECT count(*) FROM invoice_balance WHERE due_cents > 0"))
              .value(0)
              .toInt());
    for (const QJsonValue& row : open)
        CHECK(row.toObject().value(QStringLiteral("due")).toString() != QStringLiteral("0.00"));

    // A trainer may not read the sales, as on the page; bad keys and limits are refused.
    auto trainer = cli({QStringLiteral("list"), QStringLiteral("invoices"), QStringLiteral("--database"), db,
                        QStringLiteral("--user"), QStringLiteral("formateur.metal")},
                       demoPassword());
    CHECK(trainer.code == 1);
    CHECK(trainer.err.contains(QStringLiteral("ne permet pas")));
    CHECK(trainer.out.isEmpty());
    for (const QStringList& bad : {QStringList{QStringLiteral("--after"), QStringLiteral("n'importe quoi")},
                                   QStringList{QStringLiteral("--limit"), QStringLiteral("0")},
                                   QStringList{QStringLiteral("--format"), QStringLiteral("xml")}}) {
        auto refused = cli(QStringList{QStringLiteral("list"), QStringLiteral("invoices")} + bad + common,
                           demoPassword());
        CHECK(refused.code == 2);
        CHECK(refused.out.isEmpty());
    }
}

TEST_CASE("etabli-cli list pages every list of the application, each row once", "[cli][paging]")
{
    QTemporaryDir dir;
    const QString db = schoolDemo(dir);
    struct Case
    {
        const char* list;
        QString countSql;
        const char* user;
    };
    const QList<Case> cases = {
        {"quotes", QStringLiteral("SELECT count(*) FROM quote"), "secretariat"},
        {"orders", QStringLiteral("SELECT count(*) FROM work_order"), "secretariat"},
        {"contacts", QStringLiteral("SELECT count(*) FROM contact"), "secretariat"},
        {"gifts", QStringLiteral("SELECT count(*) FROM donation"), "secretariat"},
        {"trainees", QStringLiteral("SELECT count(*) FROM trainee WHERE archived_at IS NULL"), "secretariat"},
        // A trainer's log is their workshop's, as on the page.
        {"production",
         QStringLiteral("SELECT count(*) FROM production_entry e JOIN section s ON s.id = e.section_id WHERE "
                        "s.name = 'Métallerie'"),
         "formateur.metal"},
    };
    for (const Case& c : cases) {
        INFO(c.list);
        const qint64 expected = firstRow(db, c.countSql).value(0).toLongLong();
        REQUIRE(expected > 0);
        QSet<QString> ids;
        QString after;
        int pages = 0;
        do {
            QStringList args = {QStringLiteral("list"),       QString::fromLatin1(c.list),
                                QStringLiteral("--format"),   QStringLiteral("json"),
                                QStringLiteral("--limit"),    QStringLiteral("500"),
                                QStringLiteral("--database"), db,
                                QStringLiteral("--user"),     QString::fromLatin1(c.user)};
            if (!after.isEmpty())
                args << QStringLiteral("--after") << after;
            auto run = cli(args, demoPassword());
            INFO(run.err.toStdString());
            REQUIRE(run.code == 0);
            const QJsonObject page = QJsonDocument::fromJson(run.out.toUtf8()).object();
            for (const QJsonValue& row : page.value(QStringLiteral("rows")).toArray()) {
                const QString id = QString::number(row.toObject().value(QStringLiteral("id")).toInteger());
                CHECK_FALSE(ids.contains(id));
                ids.insert(id);
            }
            after = page.value(QStringLiteral("next")).toString();
        } while (!after.isEmpty() && ++pages < 50);
        CHECK(ids.size() == expected);
    }
    // The gifts are not a trainer's; --unpaid is the invoices' only.
    auto trainer = cli({QStringLiteral("list"), QStringLiteral("gifts"), QStringLiteral("--database"), db,
                        QStringLiteral("--user"), QStringLiteral("formateur.metal")},
                       demoPassword());
    CHECK(trainer.code == 1);
    auto unpaid =
        cli({QStringLiteral("list"), QStringLiteral("quotes"), QStringLiteral("--unpaid"),
             QStringLiteral("--database"), db, QStringLiteral("--user"), QStringLiteral("secretariat")},
            demoPassword());
    CHECK(unpaid.code == 2);
}
