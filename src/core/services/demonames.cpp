#include "services/demonames.h"

#include "domain/sales.h"
#include "util/random.h"

namespace etabli::demo {

const QList<QString>& girlsNames()
{
    static const QList<QString> names = {
        QStringLiteral("Léa"),    QStringLiteral("Chloé"),    QStringLiteral("Inès"),
        QStringLiteral("Maëlys"), QStringLiteral("Océane"),   QStringLiteral("Anaïs"),
        QStringLiteral("Zoé"),    QStringLiteral("Mélissa"),  QStringLiteral("Noémie"),
        QStringLiteral("Élodie"), QStringLiteral("Jade"),     QStringLiteral("Lina"),
        QStringLiteral("Manon"),  QStringLiteral("Clémence"), QStringLiteral("Yasmine"),
        QStringLiteral("Ambre"),  QStringLiteral("Héloïse"),  QStringLiteral("Sarah"),
        QStringLiteral("Laïla"),  QStringLiteral("Maëva"),
    };
    return names;
}

const QList<QString>& boysNames()
{
    static const QList<QString> names = {
        QStringLiteral("Cédric"),   QStringLiteral("Théo"),     QStringLiteral("Mathéo"),
        QStringLiteral("Noé"),      QStringLiteral("Maël"),     QStringLiteral("Loïc"),
        QStringLiteral("Gaëtan"),   QStringLiteral("Jérémy"),   QStringLiteral("Kévin"),
        QStringLiteral("Rayan"),    QStringLiteral("Yanis"),    QStringLiteral("Enzo"),
        QStringLiteral("Lucas"),    QStringLiteral("Dylan"),    QStringLiteral("Sofiane"),
        QStringLiteral("Bilal"),    QStringLiteral("Aurélien"), QStringLiteral("Benoît"),
        QStringLiteral("François"), QStringLiteral("Clément"),  QStringLiteral("Jérôme"),
        QStringLiteral("Nathan"),   QStringLiteral("Evan"),     QStringLiteral("Mehdi"),
        QStringLiteral("Timothée"), QStringLiteral("Anthony"),  QStringLiteral("Hugo"),
        QStringLiteral("Ilyès"),
    };
    return names;
}

const QList<QString>& lastNames()
{
    static const QList<QString> names = {
        QStringLiteral("Grandjean"), QStringLiteral("Jacquot"),   QStringLiteral("Vuillemin"),
        QStringLiteral("Cuenot"),    QStringLiteral("Bourgeois"), QStringLiteral("Perrin"),
        QStringLiteral("Guyon"),     QStringLiteral("Monnier"),   QStringLiteral("Rousseau"),
        QStringLiteral("Bailly"),    QStringLiteral("Cretin"),    QStringLiteral("Prost"),
        QStringLiteral("Girod"),     QStringLiteral("Jeunet"),    QStringLiteral("Bouvier"),
        QStringLiteral("Lefèvre"),   QStringLiteral("Guérin"),    QStringLiteral("Thévenin"),
        QStringLiteral("Bérard"),    QStringLiteral("Mercier"),   QStringLiteral("D'Angelo"),
        QStringLiteral("N'Diaye"),   QStringLiteral("L'Hôte"),    QStringLiteral("Da Silva"),
        QStringLiteral("Benaïssa"),  QStringLiteral("Öztürk"),    QStringLiteral("Besançon"),
        QStringLiteral("Chênevert"), QStringLiteral("Pétrequin"), QStringLiteral("Faivre"),
        QStringLiteral("Midol"),     QStringLiteral("Robelin"),   QStringLiteral("Lamy"),
        QStringLiteral("Saillard"),  QStringLiteral("Dufour"),    QStringLiteral("Marchand"),
        QStringLiteral("Camus"),     QStringLiteral("Boillot"),   QStringLiteral("Rigoulot"),
        QStringLiteral("Écuyer"),
    };
    return names;
}

const QList<Town>& towns()
{
    static const QList<Town> list = {
        {QStringLiteral("Dole"), QStringLiteral("39100")},
        {QStringLiteral("Dole"), QStringLiteral("39100")},
        {QStringLiteral("Dole"), QStringLiteral("39100")},
        {QStringLiteral("Tavaux"), QStringLiteral("39500")},
        {QStringLiteral("Damparis"), QStringLiteral("39500")},
        {QStringLiteral("Foucherans"), QStringLiteral("39100")},
        {QStringLiteral("Choisey"), QStringLiteral("39100")},
        {QStringLiteral("Authume"), QStringLiteral("39100")},
        {QStringLiteral("Champvans"), QStringLiteral("39100")},
        {QStringLiteral("Saint-Aubin"), QStringLiteral("39410")},
        {QStringLiteral("Chaussin"), QStringLiteral("39120")},
        {QStringLiteral("Mont-sous-Vaudrey"), QStringLiteral("39380")},
        {QStringLiteral("Rochefort-sur-Nenon"), QStringLiteral("39700")},
        {QStringLiteral("Moissey"), QStringLiteral("39290")},
        {QStringLiteral("Lons-le-Saunier"), QStringLiteral("39000")},
        {QStringLiteral("Poligny"), QStringLiteral("39800")},
        {QStringLiteral("Arbois"), QStringLiteral("39600")},
        {QStringLiteral("Auxonne"), QStringLiteral("21130")},
    };
    return list;
}

const QList<QString>& streets()
{
    static const QList<QString> list = {
        QStringLiteral("rue de la République"),
        QStringLiteral("rue des Arènes"),
        QStringLiteral("avenue de Lahr"),
        QStringLiteral("rue Pasteur"),
        QStringLiteral("rue du Général-Leclerc"),
        QStringLiteral("rue Jean-Jaurès"),
        QStringLiteral("rue de Besançon"),
        QStringLiteral("chemin des Vignes"),
        QStringLiteral("impasse des Tilleuls"),
        QStringLiteral("rue des Écoles"),
        QStringLiteral("Grande Rue"),
        QStringLiteral("allée des Peupliers"),
        QStringLiteral("rue de l'Église"),
        QStringLiteral("place aux Fleurs"),
        QStringLiteral("rue du Doubs"),
        QStringLiteral("route de Chaussin"),
    };
    return list;
}

QString siret(DeterministicRandom& rng)
{
    QString digits;
    for (int i = 0; i < 13; ++i)
        digits += QChar(u'0' + rng.between(i == 0 ? 1 : 0, 9));
    for (int key = 0; key < 10; ++key) {
        const QString candidate = digits + QChar(u'0' + key);
        if (SalesFormats::checkSiret(candidate))
            return candidate;
    }
    return QString();
}

} // namespace etabli::demo
