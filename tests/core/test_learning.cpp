// The learning booklet (issue 23): skill frameworks read from a spreadsheet.
#include "services/frameworkservice.h"

#include <catch2/catch.hpp>

using namespace etabli;

namespace {

QByteArray frameworkFile(const QStringList& rows)
{
    return rows.join(QStringLiteral("\r\n")).toUtf8() + "\r\n";
}

} // namespace

TEST_CASE("A framework is read from bloc;code;compétence;critère, a competence gathering its criteria",
          "[learning]")
{
    const auto blocks = FrameworkService::read(frameworkFile({
        QStringLiteral("Bloc;Code;Compétence;Critère"),
        QStringLiteral(
            "B1 – Préparer l'intervention;C1.1;Prendre en charge le véhicule;Le client est accueilli"),
        QStringLiteral(
            "B1 – Préparer l'intervention;C1.1;Prendre en charge le véhicule;L'ordre de réparation est lu"),
        QStringLiteral("B1 – Préparer l'intervention;C1.2;Préparer le poste;"),
        QStringLiteral(";;;"),
        QStringLiteral(
            "B2 : Réaliser l'intervention;C2.1;Remplacer un pneumatique;Le couple de serrage est respecté"),
    }));
    REQUIRE(blocks);
    REQUIRE(blocks->size() == 2);
    const CompetenceBlock& first = blocks->at(0);
    CHECK(first.code == QStringLiteral("B1"));
    CHECK(first.title == QStringLiteral("Préparer l'intervention"));
    REQUIRE(first.competences.size() == 2);
    CHECK(first.competences.at(0).code == QStringLiteral("C1.1"));
    REQUIRE(first.competences.at(0).criteria.size() == 2);
    CHECK(first.competences.at(0).criteria.at(1).code == QStringLiteral("C1.1.2"));
    CHECK(first.competences.at(0).criteria.at(1).title == QStringLiteral("L'ordre de réparation est lu"));
    CHECK(first.competences.at(1).criteria.isEmpty());
    CHECK(blocks->at(1).code == QStringLiteral("B2"));
    CHECK(blocks->at(1).title == QStringLiteral("Réaliser l'intervention"));
    CHECK(blocks->at(1).competences.at(0).title == QStringLiteral("Remplacer un pneumatique"));

    // A block's title in its own column.
    const auto titled =
        FrameworkService::read(frameworkFile({QStringLiteral("bloc;intitulé du bloc;code;compétence"),
                                              QStringLiteral("B1;Préparer;C1;Accueillir")}));
    REQUIRE(titled);
    CHECK(titled->at(0).code == QStringLiteral("B1"));
    CHECK(titled->at(0).title == QStringLiteral("Préparer"));
}

TEST_CASE("A framework file with a duplicate code or a missing block is refused whole, each line named",
          "[learning]")
{
    const auto refused = FrameworkService::read(frameworkFile({
        QStringLiteral("bloc;code;compétence;critère"),
        QStringLiteral("B1 – Préparer;C1;Accueillir le client;"),
        QStringLiteral(";C2;Lire l'ordre de réparation;"),
        QStringLiteral("B2 – Réaliser;C1;Démonter la roue;"),
        QStringLiteral("B2 – Réaliser;C3;;"),
        QStringLiteral("B1 – Préparer;C1;Accueillir le client;"),
    }));
    REQUIRE_FALSE(refused);
    const QString message = refused.error().message;
    CHECK(message.contains(QStringLiteral("3")));
    CHECK(message.contains(QStringLiteral("bloc")));
    CHECK(message.contains(QStringLiteral("C1")));
    CHECK(message.contains(QStringLiteral("ligne 2")));
    CHECK(message.contains(QStringLiteral("5")));
    CHECK(message.contains(QStringLiteral("6")));

    const auto noColumn =
        FrameworkService::read(frameworkFile({QStringLiteral("bloc;compétence"), QStringLiteral("B1;X")}));
    REQUIRE_FALSE(noColumn);
    CHECK(noColumn.error().message.contains(QStringLiteral("code")));
    CHECK_FALSE(FrameworkService::read(frameworkFile({QStringLiteral("bloc;code;compétence")})));
}
