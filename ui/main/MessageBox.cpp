#include "MessageBox.h"

#include <QAbstractButton>
#include <QHash>
#include <QPointer>
#include <QPushButton>
#include <QTimer>

namespace optimist {

namespace {
constexpr int kConfirmId = 1;
constexpr int kCancelId = 0;
} // namespace

std::optional<int> MessageBox::s_nextAnswer;
QString MessageBox::s_lastQuestion;

void MessageBox::ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                     const QString &text, const QList<Choice> &choices,
                     std::function<void(int id)> done)
{
    s_lastQuestion = text;
    if (s_nextAnswer) {
        const int id = *s_nextAnswer;
        s_nextAnswer.reset();
        // Answered on the event loop, as a real box would be.
        QObject *context = parent ? static_cast<QObject *>(parent) : qApp;
        QTimer::singleShot(0, context, [done = std::move(done), id] { done(id); });
        return;
    }

    auto *box = new QMessageBox(icon, title, text, QMessageBox::NoButton, parent);
    box->setObjectName(QStringLiteral("messageBox"));
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setWindowModality(parent ? Qt::WindowModal : Qt::ApplicationModal);
    auto ids = std::make_shared<QHash<QAbstractButton *, int>>();
    for (qsizetype i = 0; i < choices.size(); ++i) {
        const Choice &c = choices.at(i);
        QPushButton *button = box->addButton(c.text, c.role);
        ids->insert(button, c.id);
        if (i == 0)
            box->setDefaultButton(button);
        if (c.role == QMessageBox::RejectRole)
            box->setEscapeButton(button);
    }
    QObject::connect(box, &QMessageBox::finished, box, [box, ids, done = std::move(done)] {
        done(ids->value(box->clickedButton(), kCancelled));
    });
    box->open();
}

void MessageBox::confirm(QWidget *parent, const QString &title, const QString &text,
                         const QString &confirmText, std::function<void(bool confirmed)> done)
{
    // Cancel first: the default button of a destructive question never destroys.
    ask(parent, QMessageBox::Warning, title, text,
        {{kCancelId, tr("Cancel"), QMessageBox::RejectRole},
         {kConfirmId, confirmText, QMessageBox::DestructiveRole}},
        [done = std::move(done)](int id) { done(id == kConfirmId); });
}

void MessageBox::setNextAnswer(int id)
{
    s_nextAnswer = id;
}

void MessageBox::setNextConfirmation(bool confirmed)
{
    s_nextAnswer = confirmed ? kConfirmId : kCancelId;
}

QString MessageBox::lastQuestion()
{
    return s_lastQuestion;
}

} // namespace optimist
