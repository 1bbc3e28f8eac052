#pragma once

#include <QCoreApplication>
#include <QList>
#include <QMessageBox>
#include <QString>

#include <functional>
#include <optional>

class QWidget;

namespace optimist {

/// Questions the application asks: window-modal, answered asynchronously (open(), no nested
/// event loop), with a "next answer" seam for tests (after KeePassXC's MessageBox).
///
/// A question offers choices, each with a caller-chosen id; the callback gets the id of the one
/// taken, or kCancelled when the box was closed without a choice.
class MessageBox
{
    Q_DECLARE_TR_FUNCTIONS(MessageBox)

public:
    static constexpr int kCancelled = -1;

    struct Choice
    {
        int id = 0;
        QString text;
        QMessageBox::ButtonRole role = QMessageBox::AcceptRole;
    };

    /// Asks @p text with the @p choices (the first is the default button; a RejectRole choice
    /// answers Escape). @p done runs once, on the event loop, with @p parent as its context: it
    /// never runs after @p parent is gone.
    static void ask(QWidget *parent, QMessageBox::Icon icon, const QString &title,
                    const QString &text, const QList<Choice> &choices,
                    std::function<void(int id)> done);

    /// A yes/no confirmation of a destructive action: @p confirmText on the confirming button,
    /// "Cancel" on the other, Cancel the default. @p done gets whether it was confirmed.
    static void confirm(QWidget *parent, const QString &title, const QString &text,
                        const QString &confirmText, std::function<void(bool confirmed)> done);

    /// Tests: the next question is answered with @p id without showing a box.
    static void setNextAnswer(int id);
    /// Tests: the next confirm() is answered with @p confirmed without showing a box.
    static void setNextConfirmation(bool confirmed);
    /// The text of the last question asked (shown or answered by the seam).
    static QString lastQuestion();

private:
    static std::optional<int> s_nextAnswer;
    static QString s_lastQuestion;
};

} // namespace optimist
