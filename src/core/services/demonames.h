#pragma once

#include <QList>
#include <QString>

namespace etabli {
class DeterministicRandom;
}

namespace etabli::demo {

// Invented but plausible people and places of the Jura, for the demo.
const QList<QString>& girlsNames();
const QList<QString>& boysNames();
const QList<QString>& lastNames();

struct Town
{
    QString name;
    QString postcode;
};
const QList<Town>& towns();
const QList<QString>& streets();
// An invented SIRET with a valid key.
QString siret(DeterministicRandom& rng);

} // namespace etabli::demo
