from adoptreport.cli.app import main

main()
