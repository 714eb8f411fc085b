#include "print/facturxpdf.h"

#include "io/facturx.h"

#include <exception>
#include <functional>
#include <QBuffer>
#include <qpdf/Buffer.hh>
#include <qpdf/QPDF.hh>
#include <qpdf/QPDFEFStreamObjectHelper.hh>
#include <qpdf/QPDFEmbeddedFileDocumentHelper.hh>
#include <qpdf/QPDFFileSpecObjectHelper.hh>
#include <qpdf/QPDFObjectHandle.hh>
#include <qpdf/QPDFWriter.hh>
#include <QRegularExpression>
#include <QXmlStreamWriter>
#include <string>

namespace etabli::print {

namespace {

const QString kRdf = QStringLiteral("http://www.w3.org/1999/02/22-rdf-syntax-ns#");
const QString kFx = QStringLiteral("urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#");

std::string toStd(const QByteArray& bytes)
{
    return std::string(bytes.constData(), static_cast<size_t>(bytes.size()));
}

// "D:20261204183000+01'00'" (a PDF date) as XMP writes it: "2026-12-04T18:30:00+01:00".
QString xmpDate(const QString& pdfDate)
{
    static const QRegularExpression date(QStringLiteral(
        "^D:(\\d{4})(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(\\d{2})?(?:(Z)|([+-])(\\d{2})'?(\\d{2})?'?)?"));
    const auto m = date.match(pdfDate);
    if (!m.hasMatch())
        return {};
    const auto part = [&m](int i, const char* fallback) {
        return m.captured(i).isEmpty() ? QString::fromLatin1(fallback) : m.captured(i);
    };
    QString out =
        QStringLiteral("%1-%2-%3T%4:%5:%6")
            .arg(m.captured(1), part(2, "01"), part(3, "01"), part(4, "00"), part(5, "00"), part(6, "00"));
    if (!m.captured(7).isEmpty())
        out += QLatin1Char('Z');
    else if (!m.captured(8).isEmpty())
        out += m.captured(8) + m.captured(9) + QLatin1Char(':') + part(10, "00");
    return out;
}

QString infoText(QPDFObjectHandle info, const char* key)
{
    if (!info.isDictionary() || !info.hasKey(key))
        return {};
    QPDFObjectHandle value = info.getKey(key);
    return value.isString() ? QString::fromStdString(value.getUTF8Value()) : QString();
}

struct Info
{
    QString title;
    QString creator;
    QString producer;
    QString created;
};

// One rdf:Description of the XMP, in its namespace.
void description(QXmlStreamWriter& x, const QString& prefix, const QString& ns,
                 const std::function<void()>& properties)
{
    x.writeStartElement(kRdf, QStringLiteral("Description"));
    x.writeNamespace(ns, prefix);
    x.writeAttribute(kRdf, QStringLiteral("about"), QString());
    properties();
    x.writeEndElement();
}

void extensionProperty(QXmlStreamWriter& x, const QString& name, const QString& what)
{
    const QString property = QStringLiteral("http://www.aiim.org/pdfa/ns/property#");
    x.writeStartElement(kRdf, QStringLiteral("li"));
    x.writeAttribute(kRdf, QStringLiteral("parseType"), QStringLiteral("Resource"));
    x.writeTextElement(property, QStringLiteral("name"), name);
    x.writeTextElement(property, QStringLiteral("valueType"), QStringLiteral("Text"));
    x.writeTextElement(property, QStringLiteral("category"), QStringLiteral("external"));
    x.writeTextElement(property, QStringLiteral("description"), what);
    x.writeEndElement();
}

// The XMP packet: PDF/A-3b, what the Info dictionary says, the Factur-X
// properties and the extension schema that declares them to PDF/A.
QByteArray xmp(const Info& info)
{
    QByteArray body;
    QBuffer buffer(&body);
    buffer.open(QIODevice::WriteOnly);
    QXmlStreamWriter x(&buffer);
    x.setAutoFormatting(true);
    x.writeNamespace(QStringLiteral("adobe:ns:meta/"), QStringLiteral("x"));
    x.writeNamespace(kRdf, QStringLiteral("rdf"));
    x.writeStartElement(QStringLiteral("adobe:ns:meta/"), QStringLiteral("xmpmeta"));
    x.writeStartElement(kRdf, QStringLiteral("RDF"));
    const QString pdfaid = QStringLiteral("http://www.aiim.org/pdfa/ns/id/");
    description(x, QStringLiteral("pdfaid"), pdfaid, [&] {
        x.writeTextElement(pdfaid, QStringLiteral("part"), QStringLiteral("3"));
        x.writeTextElement(pdfaid, QStringLiteral("conformance"), QStringLiteral("B"));
    });
    const QString dc = QStringLiteral("http://purl.org/dc/elements/1.1/");
    if (!info.title.isEmpty())
        description(x, QStringLiteral("dc"), dc, [&] {
            x.writeStartElement(dc, QStringLiteral("title"));
            x.writeStartElement(kRdf, QStringLiteral("Alt"));
            x.writeStartElement(kRdf, QStringLiteral("li"));
            x.writeAttribute(QStringLiteral("xml:lang"), QStringLiteral("x-default"));
            x.writeCharacters(info.title);
            x.writeEndElement();
            x.writeEndElement();
            x.writeEndElement();
        });
    const QString pdf = QStringLiteral("http://ns.adobe.com/pdf/1.3/");
    if (!info.producer.isEmpty())
        description(x, QStringLiteral("pdf"), pdf,
                    [&] { x.writeTextElement(pdf, QStringLiteral("Producer"), info.producer); });
    const QString xmpNs = QStringLiteral("http://ns.adobe.com/xap/1.0/");
    description(x, QStringLiteral("xmp"), xmpNs, [&] {
        if (!info.creator.isEmpty())
            x.writeTextElement(xmpNs, QStringLiteral("CreatorTool"), info.creator);
        if (!info.created.isEmpty())
            x.writeTextElement(xmpNs, QStringLiteral("CreateDate"), info.created);
    });
    description(x, QStringLiteral("fx"), kFx, [&] {
        x.writeTextElement(kFx, QStringLiteral("DocumentType"), QStringLiteral("INVOICE"));
        x.writeTextElement(kFx, QStringLiteral("DocumentFileName"),
                           QString::fromLatin1(FacturX::kAttachmentName));
        x.writeTextElement(kFx, QStringLiteral("Version"), QStringLiteral("1.0"));
        x.writeTextElement(kFx, QStringLiteral("ConformanceLevel"), QStringLiteral("EN 16931"));
    });
    const QString extension = QStringLiteral("http://www.aiim.org/pdfa/ns/extension/");
    const QString schema = QStringLiteral("http://www.aiim.org/pdfa/ns/schema#");
    description(x, QStringLiteral("pdfaExtension"), extension, [&] {
        x.writeNamespace(schema, QStringLiteral("pdfaSchema"));
        x.writeNamespace(QStringLiteral("http://www.aiim.org/pdfa/ns/property#"),
                         QStringLiteral("pdfaProperty"));
        x.writeStartElement(extension, QStringLiteral("schemas"));
        x.writeStartElement(kRdf, QStringLiteral("Bag"));
        x.writeStartElement(kRdf, QStringLiteral("li"));
        x.writeAttribute(kRdf, QStringLiteral("parseType"), QStringLiteral("Resource"));
        x.writeTextElement(schema, QStringLiteral("schema"),
                           QStringLiteral("Factur-X PDFA Extension Schema"));
        x.writeTextElement(schema, QStringLiteral("namespaceURI"), kFx);
        x.writeTextElement(schema, QStringLiteral("prefix"), QStringLiteral("fx"));
        x.writeStartElement(schema, QStringLiteral("property"));
        x.writeStartElement(kRdf, QStringLiteral("Seq"));
        extensionProperty(x, QStringLiteral("DocumentFileName"),
                          QStringLiteral("name of the embedded XML invoice file"));
        extensionProperty(x, QStringLiteral("DocumentType"), QStringLiteral("INVOICE"));
        extensionProperty(x, QStringLiteral("Version"),
                          QStringLiteral("The actual version of the Factur-X XML schema"));
        extensionProperty(x, QStringLiteral("ConformanceLevel"),
                          QStringLiteral("The conformance level of the embedded Factur-X data"));
        x.writeEndElement(); // Seq
        x.writeEndElement(); // property
        x.writeEndElement(); // li
        x.writeEndElement(); // Bag
        x.writeEndElement(); // schemas
    });
    x.writeEndElement(); // RDF
    x.writeEndElement(); // xmpmeta
    x.writeEndDocument();
    return QByteArrayLiteral("<?xpacket begin=\"\xEF\xBB\xBF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n") + body +
           QByteArrayLiteral("\n<?xpacket end=\"w\"?>");
}

} // namespace

Result<QByteArray> FacturXPdf::attach(const QByteArray& pdfBytes, const QByteArray& xml)
{
    try {
        QPDF pdf;
        pdf.setSuppressWarnings(true);
        pdf.processMemoryFile("facture.pdf", pdfBytes.constData(), static_cast<size_t>(pdfBytes.size()));
        QPDFObjectHandle root = pdf.getRoot();
        QPDFObjectHandle infoDict = pdf.getTrailer().getKey("/Info");
        Info info;
        info.title = infoText(infoDict, "/Title");
        info.creator = infoText(infoDict, "/Creator");
        info.producer = infoText(infoDict, "/Producer");
        info.created = xmpDate(infoText(infoDict, "/CreationDate"));

        // The XML, attached to the document (its name tree) and to the
        // catalogue's associated files, as the data the pages show.
        auto stream = QPDFEFStreamObjectHelper::createEFStream(pdf, toStd(xml));
        stream.setSubtype("text/xml");
        if (infoDict.isDictionary() && infoDict.hasKey("/CreationDate"))
            stream.setModDate(infoDict.getKey("/CreationDate").getUTF8Value());
        auto spec = QPDFFileSpecObjectHelper::createFileSpec(pdf, FacturX::kAttachmentName, stream);
        spec.setDescription("Factur-X");
        QPDFObjectHandle specObject = spec.getObjectHandle();
        specObject.replaceKey("/AFRelationship", QPDFObjectHandle::newName("/Data"));
        if (!specObject.isIndirect())
            specObject = pdf.makeIndirectObject(specObject);
        QPDFEmbeddedFileDocumentHelper(pdf).replaceEmbeddedFile(FacturX::kAttachmentName,
                                                                QPDFFileSpecObjectHelper(specObject));
        root.replaceKey("/AF", QPDFObjectHandle::newArray({specObject}));

        // The metadata, uncompressed (PDF/A readers look for the packet).
        QPDFObjectHandle metadata = QPDFObjectHandle::newStream(&pdf, toStd(xmp(info)));
        metadata.getDict().replaceKey("/Type", QPDFObjectHandle::newName("/Metadata"));
        metadata.getDict().replaceKey("/Subtype", QPDFObjectHandle::newName("/XML"));
        root.replaceKey("/Metadata", metadata);

        QPDFWriter writer(pdf);
        writer.setOutputMemory();
        writer.setCompressStreams(false); // leaves the metadata as it is; Qt compressed the pages
        writer.setMinimumPDFVersion("1.7");
        writer.write();
        const std::shared_ptr<Buffer> out = writer.getBufferSharedPointer();
        return QByteArray(reinterpret_cast<const char*>(out->getBuffer()),
                          static_cast<qsizetype>(out->getSize()));
    } catch (const std::exception& e) {
        return fail(Error::Code::Generic, tr("The electronic invoice could not be attached to its PDF."),
                    QString::fromLocal8Bit(e.what()));
    }
}

} // namespace etabli::print
