#pragma once

#include "SettingsProfile.h"

#include <QAbstractTableModel>
#include <QList>

namespace optimist {

/// The applications of the profile being edited, one editable row each. Settings without a
/// column (service, stickyCookie, entryPoints, portVariable) are kept as they were.
class ApplicationListModel : public QAbstractTableModel
{
    Q_OBJECT

public:
    enum Column {
        NameColumn,
        RuleColumn,
        BluePortColumn,
        GreenPortColumn,
        HealthUrlColumn,
        ColumnCount
    };
    Q_ENUM(Column)

    explicit ApplicationListModel(QObject *parent = nullptr);

    int rowCount(const QModelIndex &parent = {}) const override;
    int columnCount(const QModelIndex &parent = {}) const override;
    QVariant data(const QModelIndex &index, int role = Qt::DisplayRole) const override;
    QVariant headerData(int section, Qt::Orientation orientation,
                        int role = Qt::DisplayRole) const override;
    Qt::ItemFlags flags(const QModelIndex &index) const override;
    bool setData(const QModelIndex &index, const QVariant &value, int role = Qt::EditRole) override;
    bool insertRows(int row, int count, const QModelIndex &parent = {}) override;
    bool removeRows(int row, int count, const QModelIndex &parent = {}) override;

    void setApplications(const QList<SettingsProfile::Application> &applications);
    QList<SettingsProfile::Application> applications() const;

private:
    QList<SettingsProfile::Application> m_apps;
};

} // namespace optimist
