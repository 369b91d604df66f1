from adoptreport.cli import main

main()
