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

namespace {

// What the seller block of an invoice and the beneficiary block of a tax
// receipt both freeze: names, address, SIRET and RNA.
QJsonObject identityFields(const SchoolIdentity& s)
{
    return QJsonObject{{QStringLiteral("name"), s.name},
                       {QStringLiteral("organisation"), s.organisationName},
                       {QStringLiteral("address1"), s.addressLine1},
                       {QStringLiteral("address2"), s.addressLine2},
                       {QStringLiteral("postcode"), s.postcode},
                       {QStringLiteral("city"), s.city},
                       {QStringLiteral("siret"), s.siret},
                       {QStringLiteral("rna"), s.rna}};
}

SchoolIdentity readIdentityFields(const QJsonObject& o)
{
    SchoolIdentity s;
    s.name = o.value(QStringLiteral("name")).toString();
    s.organisationName = o.value(QStringLiteral("organisation")).toString();
    s.addressLine1 = o.value(QStringLiteral("address1")).toString();
    s.addressLine2 = o.value(QStringLiteral("address2")).toString();
    s.postcode = o.value(QStringLiteral("postcode")).toString();
    s.city = o.value(QStringLiteral("city")).toString();
    s.siret = o.value(QStringLiteral("siret")).toString();
    s.rna = o.value(QStringLiteral("rna")).toString();
    return s;
}

} // namespace

QString ibanGrouped(const QString& iban)
{
    QStringList groups;
    for (qsizetype i = 0; i < iban.size(); i += 4)
        groups << iban.mid(i, 4);
    return groups.join(QLatin1Char(' '));
}

QByteArray SchoolIdentity::sellerJson() const
{
    // QJsonObject keeps its keys sorted: the text is the same for the same values.
    QJsonObject o = identityFields(*this);
    o.insert(QStringLiteral("phone"), phone);
    o.insert(QStringLiteral("email"), email);
    o.insert(QStringLiteral("website"), website);
    o.insert(QStringLiteral("vatRegime"), codeOf(vatRegime));
    o.insert(QStringLiteral("vatNumber"), vatNumber);
    o.insert(QStringLiteral("vatMention"), vatMention);
    o.insert(QStringLiteral("vatOnDebits"), vatOnDebits);
    // Written only when set: a seller frozen before the bank details existed
    // reads the same text back.
    if (!iban.isEmpty())
        o.insert(QStringLiteral("iban"), iban);
    if (!bic.isEmpty())
        o.insert(QStringLiteral("bic"), bic);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SchoolIdentity SchoolIdentity::fromSellerJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    SchoolIdentity s = readIdentityFields(o);
    s.phone = o.value(QStringLiteral("phone")).toString();
    s.email = o.value(QStringLiteral("email")).toString();
    s.website = o.value(QStringLiteral("website")).toString();
    s.vatRegime = fromCode(o.value(QStringLiteral("vatRegime")).toString(), VatRegime::Franchise);
    s.vatNumber = o.value(QStringLiteral("vatNumber")).toString();
    s.vatMention = o.value(QStringLiteral("vatMention")).toString();
    s.vatOnDebits = o.value(QStringLiteral("vatOnDebits")).toBool();
    s.iban = o.value(QStringLiteral("iban")).toString();
    s.bic = o.value(QStringLiteral("bic")).toString();
    return s;
}

QByteArray SchoolIdentity::beneficiaryJson() const
{
    QJsonObject o = identityFields(*this);
    o.insert(QStringLiteral("object"), statutoryObject);
    return QJsonDocument(o).toJson(QJsonDocument::Compact);
}

SchoolIdentity SchoolIdentity::fromBeneficiaryJson(const QByteArray& json)
{
    const QJsonObject o = QJsonDocument::fromJson(json).object();
    SchoolIdentity s = readIdentityFields(o);
    s.statutoryObject = o.value(QStringLiteral("object")).toString();
    return s;
}

} // namespace etabli
