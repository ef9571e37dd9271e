-- CreateTable
CREATE TABLE "ChatInstallation" (
    "platform" TEXT NOT NULL,
    "workspaceId" TEXT NOT NULL,
    "botToken" TEXT NOT NULL,
    "botUserId" TEXT NOT NULL,
    "botId" TEXT,
    "installedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ChatInstallation_pkey" PRIMARY KEY ("platform","workspaceId")
);

