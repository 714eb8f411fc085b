#pragma once

#include <QByteArray>
#include <QString>

namespace etabli {

enum class VatRegime
{
    Franchise, // exempt: "TVA non applicable, art. 293 B du CGI"
    Assujetti, // subject to VAT
};

// The school's identity and the settings that belong to its database.
struct SchoolIdentity
{
    QString name;
    QString organisationName; // the association that runs it (ECCOFOR)
    QString addressLine1;
    QString addressLine2;
    QString postcode;
    QString city;
    QString phone;
    QString email;
    QString website;
    QString siret; // 14 digits, or empty
    QString rna;   // "W" + 9 digits, or empty
    QByteArray logo;
    QString logoMime;
    VatRegime vatRegime = VatRegime::Franchise;
    QString vatNumber;
    QString vatMention = defaultVatMention();
    int fiscalYearStartMonth = 1;
    int schoolYearStartMonth = 9;
    bool mayIssueTaxReceipts = false;
    int retentionTraineeYears = 5;  // anonymise trainees this long after they left
    int retentionInvoiceYears = 10; // keep invoices at least this long
    int version = 0; // optimistic locking: 0 = never saved

    static QString defaultVatMention() { return QStringLiteral("TVA non applicable, art. 293 B du CGI"); }
    bool operator==(const SchoolIdentity&) const = default;
};

inline QString vatRegimeCode(VatRegime r)
{
    return r == VatRegime::Assujetti ? QStringLiteral("assujetti") : QStringLiteral("franchise");
}

inline VatRegime vatRegimeFromCode(const QString& code)
{
    return code == QLatin1String("assujetti") ? VatRegime::Assujetti : VatRegime::Franchise;
}

} // namespace etabli
