#include "domain/school.h"

#include <QJsonDocument>
#include <QJsonObject>
#include <QStringList>

namespace etabli {

QString postalAddress(const QString& line1, const QString& line2, const QString& postcode,
                      const QString& city)
{
    QStringList lines;
    for (const QString& l : {line1.trimmed(), line2.trimmed()}) {
        if (!l.isEmpty())
            lines << l;
    }
    const QString town = (postcode.trimmed() + QLatin1Char(' ') + city.trimmed()).trimmed();
    if (!town.isEmpty())
        lines << town;
    return lines.join(QLatin1Char('\n'));
}

QString SchoolIdentity::postalAddress() const
{
    return etabli::postalAddress(addressLine1, addressLine2, postcode, city);
}

QByteArray SchoolIdentity::sellerJson() const
{
    // QJsonObject keeps its keys sorted: the text is the same for the same values.
    const QJsonObject o{{QStringLiteral("name"), name},
                        {QStringLiteral("organisation"), organisationName},
                        {QStringLiteral("address1"), addressLine1},
                        {QStringLiteral("address2"), addressLine2},
                        {QStringLiteral("postcode"), postcode},
                        {QStringLiteral("city"), city},
                        {QStringLiteral("phone"), phone},
                        {QStringLiteral("email"), email},
                        {QStringLiteral("website"), website},
                        {QStringLiteral("siret"), siret},
                        {QStringLiteral("rna"), rna},
                        {QStringLiteral("vatRegime"), vatRegimeCode(vatRegime)},
                        {QStringLiteral("vatNumber"), vatNumber},
                        {QStringLiteral("vatMention"), vatMention},
                        {QStringLiteral("vatOnDebits"), vatOnDebits}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

QByteArray SchoolIdentity::beneficiaryJson() const
{
    const QJsonObject o{{QStringLiteral("name"), name},
                        {QStringLiteral("organisation"), organisationName},
                        {QStringLiteral("address1"), addressLine1},
                        {QStringLiteral("address2"), addressLine2},
                        {QStringLiteral("postcode"), postcode},
                        {QStringLiteral("city"), city},
                        {QStringLiteral("siret"), siret},
                        {QStringLiteral("rna"), rna},
                        {QStringLiteral("object"), statutoryObject}};
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SchoolIdentity SchoolIdentity::fromBeneficiaryJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    SchoolIdentity s;
    s.name = o.value(QStringLiteral("name")).toString();
    s.organisationName = o.value(QStringLiteral("organisation")).toString();
    s.addressLine1 = o.value(QStringLiteral("address1")).toString();
    s.addressLine2 = o.value(QStringLiteral("address2")).toString();
    s.postcode = o.value(QStringLiteral("postcode")).toString();
    s.city = o.value(QStringLiteral("city")).toString();
    s.siret = o.value(QStringLiteral("siret")).toString();
    s.rna = o.value(QStringLiteral("rna")).toString();
    s.statutoryObject = o.value(QStringLiteral("object")).toString();
    return s;
}

SchoolIdentity SchoolIdentity::fromSellerJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    SchoolIdentity s;
    s.name = o.value(QStringLiteral("name")).toString();
    s.organisationName = o.value(QStringLiteral("organisation")).toString();
    s.addressLine1 = o.value(QStringLiteral("address1")).toString();
    s.addressLine2 = o.value(QStringLiteral("address2")).toString();
    s.postcode = o.value(QStringLiteral("postcode")).toString();
    s.city = o.value(QStringLiteral("city")).toString();
    s.phone = o.value(QStringLiteral("phone")).toString();
    s.email = o.value(QStringLiteral("email")).toString();
    s.website = o.value(QStringLiteral("website")).toString();
    s.siret = o.value(QStringLiteral("siret")).toString();
    s.rna = o.value(QStringLiteral("rna")).toString();
    s.vatRegime = vatRegimeFromCode(o.value(QStringLiteral("vatRegime")).toString());
    s.vatNumber = o.value(QStringLiteral("vatNumber")).toString();
    s.vatMention = o.value(QStringLiteral("vatMention")).toString();
    s.vatOnDebits = o.value(QStringLiteral("vatOnDebits")).toBool();
    return s;
}

} // namespace etabli
