#pragma once

#include <QWidget>

class QComboBox;
class QLineEdit;
class QPushButton;

namespace etabli {

class DateField;

class MessageBanner;
class Session;

// "Devenir": the situation at exit, after 6 and after 12 months.
class OutcomeTab final : public QWidget
{
    Q_OBJECT
    Q_DISABLE_COPY_MOVE(OutcomeTab)

public:
    OutcomeTab(Session& session, qint64 traineeId, bool hasLeft, MessageBanner* banner,
               QWidget* parent = nullptr);
    void reload();
    bool save();
    bool hasUnsavedChanges() const { return m_dirty; }
    QComboBox* situation(int milestone) const { return m_situation[milestone]; }

private:
    Session& m_session;
    qint64 m_traineeId;
    MessageBanner* m_banner;
    QComboBox* m_situation[3];
    QLineEdit* m_employer[3];
    DateField* m_date[3];
    QPushButton* m_save;
    bool m_dirty = false;
};

} // namespace etabli
