#pragma once

#include "domain/sales.h"

#include <QWidget>

class QComboBox;
class QLabel;
class QLineEdit;
class QPushButton;
class QTableView;

namespace etabli {

class LinesModel;
class Session;

// The lines of a quote, a work order or an invoice: catalogue items found
// by code or words (Enter adds the line) or free text, quantities and prices
// edited in the table, totals recomputed as one types. The table is a view
// of a LinesModel, which holds what was typed.
class LinesEditor final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(LinesEditor)

public:
    LinesEditor(Session& session, QWidget* parent = nullptr);

    void setLines(const QList<InvoiceLine>& lines, VatRegime regime);
    // False, with the reason, when a cell cannot be read.
    bool readLines(QList<InvoiceLine>& lines, QString* error);
    void setReadOnly(bool readOnly);
    // Fixed totals (an issued invoice shows what was stored).
    void setFixedTotals(const InvoiceTotals* totals);
    // A catalogue item by its code (any workshop), or a free line.
    void addLine(const QString& codeOrText);
    QTableView* table() const { return m_lines; }
    LinesModel* model() const { return m_model; }
    QLineEdit* articleField() const { return m_article; }
    QString totalText() const;

Q_SIGNALS:
    void changed();

private:
    void updateTotals();

    Session& m_session;
    VatRegime m_regime = VatRegime::Franchise;
    const InvoiceTotals* m_fixed = nullptr;
    InvoiceTotals m_fixedCopy;
    QLineEdit* m_article;
    QComboBox* m_unit;
    QPushButton* m_add;
    QPushButton* m_remove;
    LinesModel* m_model;
    QTableView* m_lines;
    QLabel* m_totals;
};

} // namespace etabli
