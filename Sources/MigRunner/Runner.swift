import MigCore
