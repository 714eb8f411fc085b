#pragma once

#include "util/error.h"

#include <functional>
#include <memory>
#include <QCoreApplication>
#include <QString>

class QWidget;

namespace etabli {

namespace print {
struct Printable;
}

class MessageBanner;

// The two ways out of every printable document: the print preview (from
// which it is printed, on any printer of the system) and a PDF file.
class DocumentOutput
{
    Q_DECLARE_TR_FUNCTIONS(DocumentOutput)

public:
    using Maker = std::function<std::unique_ptr<print::Printable>()>;

    // Opens the print preview; returns false if the document could not be made.
    static bool preview(QWidget* parent, const Maker& make);
    // Asks where to save, writes, and says so on the banner.
    static void savePdf(QWidget* parent, const QString& suggestedName, const Maker& make,
                        MessageBanner* banner);
    // The same for a file `write` makes itself (an invoice's Factur-X PDF, its XML).
    enum FileKind
    {
        Pdf,
        Xml,
        Fec, // the accountant's file, tab-separated text
    };
    static void saveFile(QWidget* parent, const QString& suggestedName, FileKind kind,
                         const std::function<Status(const QString& path)>& write, MessageBanner* banner);
};

} // namespace etabli
